# A list of n new ints: the item array and each int object are separate traced blocks.
import tracemalloc

def measure(n):
    tracemalloc.start()
    snap0 = tracemalloc.take_snapshot()
    data = [i + 1000 for i in range(n)]
    snap1 = tracemalloc.take_snapshot()
    tracemalloc.stop()
    stats = snap1.compare_to(snap0, "lineno")
    top = stats[0]
    return top.traceback[0].lineno, top.count_diff, len(data)

line, count, length = measure(500)
print("top line:", line)
print("items:", length)
print("traced blocks at least items:", count >= length, count <= length + 5)
