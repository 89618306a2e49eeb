name = "world"
n = 3.14159
a = f"hello {name}"
b = f"{n:.2f}"
c = f"{name!r}"
d = f"{n:{10}.{2}}"
e = f"{name=}"
f = f"{{literal}}"
g = f"{name!s:>10}"
h = f"{'x'}{1 + 2}"
i = f""
j = f"plain"
k = f"{name}" f"{name}" "x"
print(a, b, c, d, e, f, g, h, i, j, k)
