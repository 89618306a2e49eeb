# title: Generations and automatic collections
# about: CPython counts container allocations minus deallocations in generation 0. When the
# about: count exceeds threshold 0, a collection runs by itself; survivors move to the next
# about: generation. With thresholds lowered to (5, 2, 2) you can watch collections happen,
# about: told by gc.callbacks, and objects being promoted to generations 1 and 2.
# pause: 20 | The loop is over: the collector history shows the automatic collections.
import gc

events = []
def note(phase, info):
    if phase == "stop":
        events.append((info["generation"], info["collected"]))

gc.collect()
gc.set_threshold(5, 2, 2)
gc.callbacks.append(note)
keep = []
for i in range(30):
    keep.append([i])
gc.callbacks.remove(note)
gc.set_threshold(700, 10, 10)
print(len(events) > 0, sorted(set(g for g, c in events)))
print(all(c == 0 for g, c in events))
