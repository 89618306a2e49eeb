# In 3.11 a collection starts synchronously inside an allocation, even in the middle of an expression.
import gc
gc.disable()
gc.collect()

starts = []

def cb(phase, info):
    if phase == "start":
        starts.append(info["generation"])

gc.callbacks.append(cb)
gc.set_threshold(3)
gc.enable()
big = [[], [], [], [], [], [], [], [], [], [], [], [], [], [], [], [], [], [], [], [], []]
gc.disable()
gc.callbacks.remove(cb)
gc.set_threshold(700, 10, 10)
print("lists in literal:", len(big))
print("collections during the expression:", len(starts))
