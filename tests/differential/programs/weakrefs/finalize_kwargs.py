# finalize passes positional and keyword arguments; finalizers of one object run newest first.
import weakref

class Node:
    pass

def report(tag, *, count=0):
    print("  report", tag, count)

n = Node()
weakref.finalize(n, report, "a", count=1)
weakref.finalize(n, report, "b", count=2)
weakref.finalize(n, report, "c")
print("deleting node")
del n
print("done")
