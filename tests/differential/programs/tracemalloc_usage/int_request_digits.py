# An int's allocation request follows the digits allocated by the operation (24 + 4 per digit).
import tracemalloc, sys
def measure(make, arg):
    L = [None] * 1000
    tracemalloc.start()
    m0 = tracemalloc.get_traced_memory()[0]
    for i in range(1000):
        L[i] = make(arg)
    m1 = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return (m1 - m0) / 1000, sys.getsizeof(L[0])
for s in ["1000", "999999999", "1073741824", "1" * 19, "1" * 28, "1" * 40]:
    print("int(str of %d chars): request %.2f, getsizeof %d" % ((len(s),) + measure(int, s)))
print("x + 1, x = 1000: request %.2f, getsizeof %d" % measure(lambda x: x + 1, 1000))
print("x + 1, x = 2**30 - 1: request %.2f, getsizeof %d" % measure(lambda x: x + 1, 2**30 - 1))
print("x * 3, x = 1000: request %.2f, getsizeof %d" % measure(lambda x: x * 3, 1000))
print("x << 1, x = 1000: request %.2f, getsizeof %d" % measure(lambda x: x << 1, 1000))
print("-x, x = 1000: request %.2f, getsizeof %d" % measure(lambda x: -x, 1000))
