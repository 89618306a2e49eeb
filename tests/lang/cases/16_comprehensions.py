xs = [1, 2, 3]
a = [x * 2 for x in xs]
b = {x for x in xs if x > 1}
c = {x: x * x for x in xs}
d = list(x for x in xs)
e = [(x, y) for x in xs for y in xs if x != y]
f = [y for x in xs for y in [x]]
def g(n):
    return [i + n for i in range(n)]
print(a, b, c, d, e, f, g(3))
