# gc.get_objects() lists tracked objects only: test membership by identity.
import gc
gc.disable()
gc.collect()

def contains(objs, target):
    return any(o is target for o in objs)

lst = [1, 2, 3]
d = {}
t = (lst,)
big = 10 ** 40
objs = gc.get_objects()
print("list present:", contains(objs, lst))
print("empty dict present:", contains(objs, d))
print("tuple holding a list present:", contains(objs, t))
print("int present:", contains(objs, big))
del objs
d["k"] = lst
print("dict after holding a list:", contains(gc.get_objects(), d))
new = []
print("new list in gen 0:", contains(gc.get_objects(0), new))
gc.collect()
print("after full collect, in gen 2:", contains(gc.get_objects(2), new), "in gen 0:", contains(gc.get_objects(0), new))
