# Classic string exercises: palindromes, Caesar cipher, vowel counts, title case, anagrams.
def is_palindrome(s):
    cleaned = "".join(ch.lower() for ch in s if ch.isalpha())
    return cleaned == cleaned[::-1]

def caesar(s, shift):
    out = []
    for ch in s:
        if "a" <= ch <= "z":
            out.append(chr((ord(ch) - ord("a") + shift) % 26 + ord("a")))
        elif "A" <= ch <= "Z":
            out.append(chr((ord(ch) - ord("A") + shift) % 26 + ord("A")))
        else:
            out.append(ch)
    return "".join(out)

for s in ["A man, a plan, a canal: Panama", "refscope", "No lemon, no melon"]:
    print(repr(s), is_palindrome(s))
secret = caesar("Hello, World!", 3)
print(secret, "->", caesar(secret, -3))
sentence = "the memory of cpython is counted"
print("vowels:", sum(1 for ch in sentence if ch in "aeiou"))
print(" ".join(w.capitalize() for w in sentence.split()))
print("anagrams:", sorted("listen") == sorted("silent"), sorted("apple") == sorted("paple"), sorted("abc") == sorted("abd"))
print("reversed words:", " ".join(reversed(sentence.split())))
