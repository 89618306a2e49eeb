# While gc is disabled, no automatic collection runs however many objects are made.
import gc
gc.disable()
gc.collect()

runs = [0]

def on_gc(phase, info):
    if phase == "start":
        runs[0] += 1

gc.set_threshold(5)
gc.callbacks.append(on_gc)
keep = [[] for _ in range(200)]
print("isenabled:", gc.isenabled(), "runs while disabled:", runs[0])
gc.collect()
print("explicit collect still runs:", runs[0])
gc.enable()
print("isenabled:", gc.isenabled())
more = [[] for _ in range(50)]
gc.disable()
print("some ran after enable:", runs[0] > 1)
gc.callbacks.remove(on_gc)
gc.set_threshold(700, 10, 10)
print("threshold restored:", gc.get_threshold())
