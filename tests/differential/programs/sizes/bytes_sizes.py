# bytes objects: 33 + n bytes.
import sys

for b in [b"", b"a", b"abc", b"x" * 50, bytes(100), bytes([1, 2, 3])]:
    print(len(b), sys.getsizeof(b))
s = "h\u00e9llo"
encoded = s.encode("utf-8")
print("utf-8 of h\\u00e9llo:", len(encoded), sys.getsizeof(encoded))
print("concatenation:", sys.getsizeof(b"ab" + b"cd"))
big = b"z" * 600
print("600 bytes:", sys.getsizeof(big), "slice of 10:", sys.getsizeof(big[:10]))
