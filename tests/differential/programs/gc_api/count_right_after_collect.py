# gc.get_count() read right after gc.collect() is (0, 0, 0); the next read counts what print made.
import gc
gc.collect()
print(gc.get_count())
x = gc.get_count()
print(x[1:], x[0] > 0)
