# Slicing with start, stop and step, negative indices, and slice assignment.
s = list(range(10))
print(s[2:5], s[:3], s[7:], s[-3:], s[:-7], s[::2], s[1::3], s[::-1], s[8:2:-2], s[-1:-4:-1])
print(s[100:], s[-100:2], s[5:2])
t = "abcdefgh"
print(t[::3], t[::-2], t[1:-1], t[3:3] == "")
u = s[:]
u[2:5] = ["a", "b"]
print(u)
u[::3] = [None] * len(u[::3])
print(u)
v = list(range(8))
del v[::2]
print(v)
v[1:1] = [10, 11, 12]
print(v)
v[-2:] = []
print(v)
w = (1, 2, 3, 4, 5)
print(w[1:4], w[::-1], w[::2])
try:
    s[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
print(len(range(0, 100, 7)), range(0, 100, 7)[3], list(range(10, 0, -3)), range(5)[-1])
