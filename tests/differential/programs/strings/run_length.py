# Run-length encoding and decoding of strings.
def encode(s):
    if not s:
        return ""
    out = []
    prev = s[0]
    count = 1
    for ch in s[1:]:
        if ch == prev:
            count += 1
        else:
            out.append(f"{count}{prev}")
            prev, count = ch, 1
    out.append(f"{count}{prev}")
    return "".join(out)

def decode(s):
    out = []
    num = ""
    for ch in s:
        if ch.isdigit():
            num += ch
        else:
            out.append(ch * int(num))
            num = ""
    return "".join(out)

for text in ["aaabccdddd", "abc", "", "zzzzzzzzzzzz", "aabbaa"]:
    enc = encode(text)
    print(repr(text), "->", repr(enc), "->", decode(enc) == text)
