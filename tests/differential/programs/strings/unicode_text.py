# Unicode strings: lengths, indexing, ord/chr, encoding lengths and comparisons.
words = ["naïve", "café", "日本語", "emoji 😀", "ascii"]
for w in words:
    print(w, len(w), len(w.encode("utf-8")), [hex(ord(c)) for c in w[:3]])
print(sorted(words))
print("é" > "e", "日" > "z", chr(0x1F600) == "😀", ord("😀"))
s = "Grüße"
print(s.upper(), s.lower(), s[::-1], s.find("ß"), s.replace("ü", "ue"))
print("ÀÉÎ".lower(), "àéî".upper(), "Ωmega".isalpha(), "é1".isalnum())
print(repr("\u200b"), repr("é"), repr("日本"), repr("\U0001F600"), repr("\x7f"))
