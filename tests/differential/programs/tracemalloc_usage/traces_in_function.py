# Exact requests seen by tracemalloc for fresh objects created inside a function.
import tracemalloc

def cost(make):
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    obj = make()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return after - before

print("bytes(100):", cost(lambda: bytes(100)))
print("bytes(1000):", cost(lambda: bytes(1000)))
print("'x' * 1000:", cost(lambda: "x" * 1000))
print("[None] * 1000:", cost(lambda: [None] * 1000))
print("10 ** 100:", cost(lambda: 10 ** 100))
