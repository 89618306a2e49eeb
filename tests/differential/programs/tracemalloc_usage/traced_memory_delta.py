# get_traced_memory() inside a function: a bytes(10000) requests 10033 bytes, ints 32 each.
import tracemalloc

def measure():
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    data = bytes(10000)
    now = tracemalloc.get_traced_memory()[0]
    del data
    after = tracemalloc.get_traced_memory()[0]
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.reset_peak()
    current2, peak2 = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return base, now - base, after - base, peak - base, peak2 >= current2

print("tracing before:", tracemalloc.is_tracing())
base, grew, after, peak, reset_ok = measure()
print("start:", base)
print("bytes(10000) added:", grew)
print("after del (one int object left):", after)
print("peak:", peak)
print("reset_peak brings peak to current:", reset_ok)
print("after stop:", tracemalloc.get_traced_memory(), tracemalloc.is_tracing())
