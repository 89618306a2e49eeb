# How a list was built decides its spare capacity.
import sys

a = 1
b = 2
c = 3
print("[]:", sys.getsizeof([]))
print("[1, 2, 3] constants:", sys.getsizeof([1, 2, 3]))
print("[a, b, c] variables:", sys.getsizeof([a, b, c]))
print("[0] * 3:", sys.getsizeof([0] * 3))
print("list(range(3)):", sys.getsizeof(list(range(3))))
print("list((1, 2, 3)):", sys.getsizeof(list((1, 2, 3))))
print("comprehension of 3:", sys.getsizeof([x for x in range(3)]))
print("list(range(10)):", sys.getsizeof(list(range(10))))
print("[0] * 10:", sys.getsizeof([0] * 10))
print("comprehension of 10:", sys.getsizeof([x for x in range(10)]))
l = [1, 2, 3, 4, 5]
print("slice l[1:4]:", sys.getsizeof(l[1:4]))
print("l + l:", sys.getsizeof(l + l))
print("sorted(l):", sys.getsizeof(sorted(l)))
