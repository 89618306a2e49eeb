# compare_to lists what grew between two snapshots; the growth comes from our line.
import tracemalloc

tracemalloc.start()
first = tracemalloc.take_snapshot()
table = {}
for i in range(3000):
    table[i] = [i]
second = tracemalloc.take_snapshot()
tracemalloc.stop()
diffs = second.compare_to(first, "lineno")
top = diffs[0]
print("top growth line:", top.traceback[0].lineno)
print("grew by more than 100 KiB:", top.size_diff > 100 * 1024)
print("count grew by at least 3000:", top.count_diff >= 3000)
