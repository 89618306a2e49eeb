# Automatic collections free self-referencing lists without any explicit gc.collect().
import gc
import weakref
gc.disable()
gc.collect()

class Cyclic:
    pass

refs = []
gc.set_threshold(50)
gc.enable()
for i in range(300):
    c = Cyclic()
    c.me = c
    refs.append(weakref.ref(c))
del c
gc.disable()
alive = sum(1 for r in refs if r() is not None)
print("created:", len(refs))
print("some freed automatically:", alive < len(refs))
print("freed early ones:", refs[0]() is None)
gc.collect()
print("alive after explicit collect:", sum(1 for r in refs if r() is not None))
gc.set_threshold(700, 10, 10)
