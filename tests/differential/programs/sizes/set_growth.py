# Set sizes jump when the hash table is resized: 216, 728, 2264, 8408 ...
import sys

s = set()
last = sys.getsizeof(s)
print("0 elements:", last)
for i in range(300):
    s.add(i)
    size = sys.getsizeof(s)
    if size != last:
        print(len(s), "elements:", size)
        last = size
print("frozenset():", sys.getsizeof(frozenset()))
print("frozenset(range(10)):", sys.getsizeof(frozenset(range(10))))
print("{1, 2, 3}:", sys.getsizeof({1, 2, 3}))
print("set(range(5)):", sys.getsizeof(set(range(5))))
