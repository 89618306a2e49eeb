# Tuple unpacking, starred targets, nested targets and star in calls and displays.
a, b, c = 1, 2, 3
print(a, b, c)
first, *middle, last = range(6)
print(first, middle, last)
*init, tail = "abc"
print(init, tail)
(x, y), z = (1, 2), 3
print(x, y, z)
head, *rest = [1]
print(head, rest)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, v)
nums = [3, 1, 2]
print(*nums)
print(*nums, sep="-")
combined = [*nums, *"xy", *(7, 8)]
print(combined)
merged = {**{"a": 1, "b": 2}, **{"b": 3, "c": 4}}
print(merged)
s = {*nums, 3, 4}
print(sorted(s))

def f(p, q, r=0, *args, **kwargs):
    return p, q, r, args, sorted(kwargs.items())

print(f(*[1, 2]), f(1, *[2, 3, 4, 5], k=6), f(**{"p": 1, "q": 2, "z": 9}))
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print("ValueError:", e)
