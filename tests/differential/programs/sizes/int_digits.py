# An int grows by 4 bytes per 30-bit digit: getsizeof = 24 + 4 * digits.
import sys

previous = None
for bits in range(0, 200, 10):
    n = 2 ** bits
    size = sys.getsizeof(n)
    if size != previous:
        print("2**%d: %d bytes" % (bits, size))
        previous = size
x = 1
steps = 0
while sys.getsizeof(x) < 60:
    x *= 1000
    steps += 1
print("multiplied by 1000", steps, "times ->", sys.getsizeof(x), "bytes")
print("factorial-ish big number:", sys.getsizeof(3 ** 1000))
