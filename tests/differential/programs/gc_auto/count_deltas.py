# gc.get_count()[0] rises by one per new container kept, and not for ints, floats or strings.
import gc
gc.disable()
gc.collect()

def delta(make):
    keep = []
    keep.append(None)
    start = gc.get_count()[0]
    for i in range(100):
        keep.append(make(i))
    return gc.get_count()[0] - start

print("lists:", delta(lambda i: [i]))
print("dicts:", delta(lambda i: {}))
print("tuples:", delta(lambda i: (i, i)))

class C:
    pass

print("instances:", delta(lambda i: C()))
print("big ints:", delta(lambda i: i + 10 ** 6))
print("floats:", delta(lambda i: i + 0.5))
print("strings:", delta(lambda i: "s" * (i + 2)))
print("objects:", delta(lambda i: object()))
