# title: Weak references and their callbacks
# about: A weak reference does not add to the reference count. When the object dies, the weak
# about: reference starts returning None and its callback runs. weakref.finalize registers a
# about: function to call when the object is collected.
# pause: 19 | n is gone: the weak reference returns None and the callback ran.
import weakref

class Node:
    pass

def gone(ref):
    print("callback: the object is gone")

n = Node()
r = weakref.ref(n, gone)
f = weakref.finalize(n, print, "finalize ran")
print(r() is n)
del n
print(r())
print(f.alive)
