# Building a string piece by piece: every step is a new object one byte bigger.
import sys

s = ""
sizes = []
for ch in "refscope":
    s += ch
    sizes.append(sys.getsizeof(s))
print(sizes)
print("join of the same:", sys.getsizeof("".join(list("refscope"))))
parts = []
for i in range(5):
    parts.append(str(i) * i)
print("parts sizes:", [sys.getsizeof(p) for p in parts])
mixed = "ascii" + "\u00e9"
print("ascii + latin-1 char:", sys.getsizeof(mixed))
mixed2 = mixed + "\u263a"
print("... + ucs-2 char:", sys.getsizeof(mixed2))
