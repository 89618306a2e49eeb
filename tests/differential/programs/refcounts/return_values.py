# Returning an object transfers the reference; callers see it after the frame is gone.
import sys

def make():
    item = []
    return item

def make_and_keep(store):
    item = []
    store.append(item)
    return item

x = make()
print("make():", sys.getrefcount(x))
store = []
y = make_and_keep(store)
print("make_and_keep():", sys.getrefcount(y))
z = make_and_keep(store)
print("second item:", sys.getrefcount(z), "first still:", sys.getrefcount(y))
def identity(o):
    return o
w = identity(identity(x))
print("after identity(identity(x)):", sys.getrefcount(x))
def pair(o):
    return o, o
p = pair(x)
print("after p = pair(x):", sys.getrefcount(x))
del p
print("after del p:", sys.getrefcount(x))
