# getsizeof is shallow: a list of big strings is as big as a list of small ints.
import sys

small = [1, 2, 3]
big = ["x" * 1000, "y" * 1000, "z" * 1000]
print("list of small ints:", sys.getsizeof(small))
print("list of big strings:", sys.getsizeof(big))

def deep_size(obj):
    total = sys.getsizeof(obj)
    if isinstance(obj, (list, tuple, set, frozenset)):
        for item in obj:
            total += deep_size(item)
    elif isinstance(obj, dict):
        for k, v in obj.items():
            total += deep_size(k) + deep_size(v)
    return total

print("deep size of big:", deep_size(big))
print("deep size of nested:", deep_size([[1000, 2000], (3.5, "abc"), {"k": [None]}]))
