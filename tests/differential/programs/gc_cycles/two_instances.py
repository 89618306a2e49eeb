# Two instances in a cycle count 2 on 3.11 (no dict objects until __dict__ is touched).
import gc
gc.disable()
gc.collect()

class A:
    pass

a = A()
b = A()
a.partner = b
b.partner = a
del a, b
print("plain instances:", gc.collect())

a = A()
b = A()
a.partner = b
b.partner = a
a.__dict__
b.__dict__
del a, b
print("after touching __dict__:", gc.collect())

a = A()
b = A()
a.partner = b
b.partner = a
vars(a)
del a, b
print("after vars(a) only:", gc.collect())
