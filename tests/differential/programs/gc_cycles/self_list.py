# Ten lists that contain themselves survive del and are found by gc.collect().
import gc
gc.disable()
gc.collect()

def dummyf():
    x = []
    x.append(x)

for _ in range(10):
    dummyf()
print("collected:", gc.collect())
print("again:", gc.collect())
