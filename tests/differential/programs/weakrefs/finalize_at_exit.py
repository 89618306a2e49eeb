# Finalizers still alive when the program ends run at exit, newest first.
import weakref

class Session:
    pass

def close(name):
    print("closing", name)

keep_a = Session()
keep_b = Session()
weakref.finalize(keep_a, close, "a")
fb = weakref.finalize(keep_b, close, "b")
temp = Session()
weakref.finalize(temp, close, "temp")
del temp
print("alive:", fb.alive)
print("main program done")
