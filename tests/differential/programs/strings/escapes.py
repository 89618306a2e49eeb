# String literal escapes, raw strings, and their lengths and reprs.
s = "tab\there\nnew line \\ backslash \"quote\" 'single'"
print(s)
print(repr(s), len(s))
print(len("\x41\101\u0041\U00000041"), "\x41\101\u0041\U00000041")
r = r"raw\nstring\t"
print(r, len(r), repr(r))
print("bell:", repr("\a\b\f\v\0"))
print('single \'quoted\'', "double \"quoted\"")
multi = """line one
line "two"
  line three"""
print(multi)
print(multi.split("\n"))
print("implicit " "concatenation " 'works')
print("\u03b1", len("\u2603"), "\x41\x42", "\101\102", len("\0"))
print("caf\u00e9" == "café", "\u00e9".encode("utf-8"))
