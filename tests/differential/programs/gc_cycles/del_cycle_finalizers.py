# Two instances with __del__ in a cycle: both finalizers run, gc.garbage stays empty.
import gc
gc.disable()
gc.collect()

class Node:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name, "partner", self.partner.name)

a = Node("a")
b = Node("b")
a.partner = b
b.partner = a
del a, b
print("collecting")
print("collected:", gc.collect())
print("gc.garbage:", gc.garbage)
