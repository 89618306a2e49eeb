# str sizes: ASCII 49 + n, Latin-1 73 + n, UCS-2 74 + 2n, UCS-4 76 + 4n.
import sys

for s in ["", "a", "ab", "hello", "x" * 100]:
    print(repr(s[:10]), len(s), sys.getsizeof(s))
for s in ["\u00e9", "caf\u00e9", "\u00e9" * 10]:
    print("latin-1 len", len(s), sys.getsizeof(s))
for s in ["\u263a", "a\u263a", "\u20ac" * 10]:
    print("ucs-2 len", len(s), sys.getsizeof(s))
for s in ["\U0001F600", "ab\U0001F600", "\U0001F600" * 5]:
    print("ucs-4 len", len(s), sys.getsizeof(s))
word = "abc"
built = word * 3
print("run-time built:", sys.getsizeof(built))
print("str(12345):", sys.getsizeof(str(12345)))
