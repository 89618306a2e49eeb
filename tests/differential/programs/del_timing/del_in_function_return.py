# Locals are destroyed when the frame is cleared, after the return value is computed.
class Noisy:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        print("  __del__", self.tag)

def f():
    a = Noisy("a")
    b = Noisy("b")
    print("  f returning")
    return "value"

def g():
    x = Noisy("x")
    return Noisy("returned")

print("call f")
v = f()
print("f gave", v)
print("call g, discard result")
g()
print("call g, keep result")
kept = g()
print("kept", kept.tag)
del kept
print("end")
