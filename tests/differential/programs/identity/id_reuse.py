# A freed object's memory is reused at once, so ids of short-lived objects repeat.
print("id([]) == id([]):", id([]) == id([]))
a = [1]
addr = id(a)
del a
b = [2]
print("new list reuses the freed slot:", id(b) == addr)

class C:
    pass

x = C()
ix = id(x)
y = C()
print("two live objects have different ids:", id(y) != ix)
del x
z = C()
print("new instance reuses x's slot:", id(z) == ix)
ids = set()
for i in range(5):
    ids.add(id(object()))
print("distinct ids among 5 temporaries:", len(ids))
keep = [object() for i in range(5)]
print("distinct ids among 5 kept:", len(set(id(o) for o in keep)))
