# weakref.finalize calls a function once when the object dies; alive/detach/call.
import weakref

class Resource:
    pass

def cleanup(name):
    print("  cleanup", name)
    return "cleaned " + name

r = Resource()
f = weakref.finalize(r, cleanup, "first")
print("alive:", f.alive)
del r
print("alive after del:", f.alive)

r2 = Resource()
f2 = weakref.finalize(r2, cleanup, "second")
print("calling early:", f2())
print("alive:", f2.alive, "call again:", f2())
del r2
print("no second cleanup")

r3 = Resource()
f3 = weakref.finalize(r3, cleanup, "third")
alias = r3
del r3
print("still alive through an alias:", f3.alive)
del alias
print("alive:", f3.alive)
print("end")
