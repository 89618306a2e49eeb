# Two __slots__ instances in a cycle: 2 objects.
import gc
gc.disable()
gc.collect()

class S:
    __slots__ = ('other', 'value')

a = S()
b = S()
a.other = b
b.other = a
a.value = [1, 2, 3]
del a, b
print("slots cycle with a list attached:", gc.collect())

x = S()
x.other = x
x.value = None
del x
print("slots self-cycle:", gc.collect())
