# gc.enable/disable/isenabled, and explicit collection while disabled.
import gc

print("initially enabled:", gc.isenabled())
gc.disable()
gc.collect()
print("after disable:", gc.isenabled())
gc.disable()
print("disable twice:", gc.isenabled())
x = {}
x["x"] = x
del x
print("explicit collect while disabled:", gc.collect())
gc.enable()
print("after enable:", gc.isenabled())
gc.enable()
print("enable twice:", gc.isenabled())
