# Tuple sizes: 40 + 8 * n (the empty tuple is 40 too).
import sys

for n in range(0, 8):
    t = tuple(range(n))
    print(n, sys.getsizeof(t))
print("(1, 'a', None):", sys.getsizeof((1, "a", None)))
big = tuple(range(1000))
print("1000 items:", sys.getsizeof(big))
nested = ((1, 2), (3, 4))
print("nested outer only:", sys.getsizeof(nested))
