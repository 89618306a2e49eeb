# set_threshold with one or two values leaves the others unchanged.
import gc

print("default:", gc.get_threshold())
gc.set_threshold(500)
print("set_threshold(500):", gc.get_threshold())
gc.set_threshold(400, 5)
print("set_threshold(400, 5):", gc.get_threshold())
gc.set_threshold(300, 6, 7)
print("set_threshold(300, 6, 7):", gc.get_threshold())
gc.set_threshold(700, 10, 10)
print("restored:", gc.get_threshold())
gc.disable()
print("disabled:", gc.isenabled())
gc.enable()
print("enabled:", gc.isenabled())
