# title: Measuring allocations with tracemalloc
# about: tracemalloc records where each memory block was allocated. A snapshot groups the live
# about: blocks by line; comparing two snapshots shows what a piece of code added.
# pause: 10 | The snapshot knows which line allocated the lists.
import tracemalloc

tracemalloc.start()
before = tracemalloc.take_snapshot()
rows = [[i] * 10 for i in range(100)]
after = tracemalloc.take_snapshot()
top = after.compare_to(before, "lineno")[0]
print(top.count_diff >= 100, top.size_diff > 10000)
current, peak = tracemalloc.get_traced_memory()
print(current > 10000, peak >= current)
tracemalloc.stop()
