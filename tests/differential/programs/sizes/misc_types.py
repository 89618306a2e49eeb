# Sizes of range, iterators, generators, enumerate/zip objects and exceptions.
import sys

def gen():
    yield 1

print("range(10):", sys.getsizeof(range(10)))
print("range(10**20):", sys.getsizeof(range(10 ** 20)))
print("generator:", sys.getsizeof(gen()))
print("list iterator:", sys.getsizeof(iter([1, 2])))
print("tuple iterator:", sys.getsizeof(iter((1, 2))))
print("enumerate:", sys.getsizeof(enumerate([])))
print("zip of 2:", sys.getsizeof(zip([], [])))
print("ValueError():", sys.getsizeof(ValueError()))
print("ValueError('x'):", sys.getsizeof(ValueError("x")))
print("map object:", sys.getsizeof(map(abs, [])))
