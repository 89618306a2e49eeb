# Chained, augmented and subscript assignment, and del of names, items, slices and attributes.
a = b = c = []
a.append(1)
print(a, b, c, a is c)
n = 10
n += 5; n -= 3; n *= 2; n //= 5; n **= 3; n %= 7
print(n)
s = "ab"
s += "cd"
s *= 2
print(s)
lst = [1, 2]
alias = lst
lst += [3]
print(alias, lst is alias)
lst = lst + [4]
print(alias, lst is alias)
d = {}
d["x"] = d.get("x", 0) + 1
d["x"] += 1
print(d)
m = [[0, 0], [0, 0]]
m[1][0] = 5
m[0][1] += 2
print(m)
x = [0, 1, 2, 3, 4, 5]
del x[0], x[-1]
print(x)
del x[1:3]
print(x)

class Obj:
    pass

o = Obj()
o.v = 1
o.v += 1
print(o.v, hasattr(o, "v"))
del o.v
print(hasattr(o, "v"))
y = 1
del y
try:
    print(y)
except NameError as e:
    print("NameError:", e)
b1 = 5
b1 |= 2; b1 &= 6; b1 ^= 1; b1 <<= 2; b1 >>= 1
print(b1)
