# Snapshot statistics by line: the biggest allocations are attributed to this file's lines.
import tracemalloc

def work():
    strings = [str(i) * 3 for i in range(2000)]
    blob = bytes(500000)
    floats = [i + 0.5 for i in range(1000)]
    return tracemalloc.take_snapshot()

tracemalloc.start()
snap = work()
tracemalloc.stop()
stats = snap.statistics("lineno")
for stat in stats[:3]:
    print("line", stat.traceback[0].lineno, "size >= 20000:", stat.size >= 20000)
print("blob line:", stats[0].traceback[0].lineno, "count:", stats[0].count, "size:", stats[0].size)
by_line = {s.traceback[0].lineno: s for s in stats}
print("strings line count at least 2000:", by_line[5].count >= 2000)
print("floats line count at least 900:", by_line[7].count >= 900)
