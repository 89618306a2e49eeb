# Run-time one-character Latin-1 strings come from a cache: chr(97) is chr(97).
s = "banana"
print("chr(97) is chr(97):", chr(97) is chr(97))
print("s[1] is s[3]:", s[1] is s[3])
print("s[1] is chr(97):", s[1] is chr(97))
print("slices s[1:2] is s[3:4]:", s[1:2] is s[3:4])
print("two-char slices:", s[1:3] is s[3:5], s[1:3] == s[3:5])
print("chr(233) is chr(233):", chr(233) is chr(233))
print("chr(0x263A) is chr(0x263A):", chr(0x263A) is chr(0x263A))
w = "word"
print("str(5) is str(5):", str(5) is str(5))
empty = ""
print("empty slice is '':", w[2:2] is empty)
print("full slice is the string:", w[:] is w)
