# bytes: literals, indexing, slicing, concatenation, encode/decode and repr.
b = b"hello"
print(b, b[0], b[1:3], b[::-1], len(b))
print(b + b" world", b * 2, b"ell" in b)
print(bytes([65, 66, 67]), bytes(3), list(b"abc"))
print("caf\u00e9".encode("utf-8"), b"caf\xc3\xa9".decode("utf-8"))
print(b"\x00\x01\xff", repr(b"tab\there"), b"a" < b"b")
print(b[-1], b[10:], bytes(b"ab") == b"ab", b"ab" + bytes([99]), len(b"\x00" * 4))
print(b == "hello", b.decode() == "hello", type(b).__name__)
try:
    b[0] = 1
except TypeError as e:
    print("TypeError:", e)
