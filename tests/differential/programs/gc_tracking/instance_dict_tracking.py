# A materialised instance __dict__ with only atomic values is untracked in 3.11.
import gc
gc.disable()
gc.collect()

class P:
    def __init__(self):
        self.x = 1
        self.y = "two"

p = P()
print("instance:", gc.is_tracked(p))
print("its __dict__ (atomic values):", gc.is_tracked(p.__dict__))
p.z = [3]
print("materialised dict after p.z = [3]:", gc.is_tracked(p.__dict__))
gc.collect()
print("after full collect:", gc.is_tracked(p.__dict__))
q = P()
q.z = [3]
print("__dict__ after adding a list:", gc.is_tracked(vars(q)))
del p.z
gc.collect()
print("p.__dict__ after del p.z and a full collect:", gc.is_tracked(p.__dict__))
