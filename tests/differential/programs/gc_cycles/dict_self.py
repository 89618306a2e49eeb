# A dict that contains itself, and an instance that refers to itself.
import gc
gc.disable()
gc.collect()

d = {}
d['me'] = d
del d
print("dict containing itself:", gc.collect())

class C:
    pass

c = C()
c.me = c
del c
print("instance with self.me = self:", gc.collect())

c = C()
c.me = c
c.__dict__
del c
print("same, dict materialised:", gc.collect())
