# gc.freeze moves tracked objects to the permanent generation, hiding them from collections.
import gc
gc.disable()
gc.collect()

x = []
x.append(x)
del x
gc.freeze()
print("frozen something:", gc.get_freeze_count() > 0)
print("count after freeze:", gc.get_count())
print("collect while frozen:", gc.collect())
gc.unfreeze()
print("freeze count after unfreeze:", gc.get_freeze_count())
print("collect after unfreeze:", gc.collect())
y = []
y.append(y)
before = gc.get_freeze_count()
gc.freeze()
print("freeze added objects:", gc.get_freeze_count() > before)
gc.unfreeze()
del y
print("collect:", gc.collect())
