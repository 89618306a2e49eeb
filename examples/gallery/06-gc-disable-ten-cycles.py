# title: Ten cycles with the collector disabled
# about: With gc.disable() no automatic collection runs, so every cycle made in the loop stays
# about: in generation 0. gc.get_count() shows the count of container allocations growing;
# about: gc.collect() then finds the twenty unreachable lists at once.
# pause: 14 | Ten cycles wait in generation 0: unreachable, but alive.
import gc

gc.disable()
for i in range(10):
    x = []
    y = [x]
    x.append(y)
del x, y
print("collected", gc.collect())
gc.enable()
