# sys.getsizeof of None, bools, ints of growing size, and floats.
import sys

print("None:", sys.getsizeof(None))
print("True / False:", sys.getsizeof(True), sys.getsizeof(False))
print("0:", sys.getsizeof(0))
print("1:", sys.getsizeof(1))
print("-1:", sys.getsizeof(-1))
print("2**30 - 1:", sys.getsizeof(2 ** 30 - 1))
print("2**30:", sys.getsizeof(2 ** 30))
print("2**60:", sys.getsizeof(2 ** 60))
print("2**90:", sys.getsizeof(2 ** 90))
print("10**100:", sys.getsizeof(10 ** 100))
print("-(2**64):", sys.getsizeof(-(2 ** 64)))
print("1.0:", sys.getsizeof(1.0))
print("1e300:", sys.getsizeof(1e300))
print("float('inf'):", sys.getsizeof(float("inf")))
