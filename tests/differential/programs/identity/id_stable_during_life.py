# An object's id never changes while it lives, even as it grows.
lst = []
start = id(lst)
for i in range(1000):
    lst.append(i)
print("id unchanged after 1000 appends:", id(lst) == start)
d = {}
dstart = id(d)
for i in range(100):
    d[i] = i
print("dict id unchanged:", id(d) == dstart)
s = "abc"
sid = id(s)
s += "d"
print("str += makes a new object:", id(s) != sid)
t = (1,)
tid = id(t)
t += (2,)
print("tuple += makes a new object:", id(t) != tid)
l2 = [1]
lid = id(l2)
l2 += [2]
print("list += mutates in place:", id(l2) == lid)
n = 10 ** 10
nid = id(n)
n += 1
print("int += makes a new object:", id(n) != nid)
