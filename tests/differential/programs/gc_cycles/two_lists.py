# Two lists referencing each other: del both, then gc.collect() finds 2 objects.
import gc
gc.disable()
gc.collect()

a = []
b = [a]
a.append(b)
print("a contains b:", a[0] is b, "b contains a:", b[0] is a)
del a, b
print("collected:", gc.collect())
c = []
d = [c]
print("no cycle, del d then c")
del d, c
print("collected:", gc.collect())
