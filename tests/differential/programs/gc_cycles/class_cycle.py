# Deleting a class leaves a cycle (class, its dict, mro, descriptors): gc.collect() finds 6.
import gc
gc.disable()
gc.collect()

class Tmp:
    pass

del Tmp
print("class Tmp: pass; del Tmp ->", gc.collect())

class WithMethod:
    def method(self):
        return 1

del WithMethod
print("class with a method ->", gc.collect())
