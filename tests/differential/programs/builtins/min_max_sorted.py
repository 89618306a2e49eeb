# min, max and sorted with keys, defaults and stability.
data = [("ann", 31), ("bob", 25), ("cy", 31), ("di", 19)]
print(min(data, key=lambda p: p[1]), max(data, key=lambda p: p[1]))
print(sorted(data, key=lambda p: p[1]))
print(sorted(data, key=lambda p: p[1], reverse=True))
print(min(3, 1, 2), max("apple", "pear", "fig"), max([], default="none"))
print(min("hello"), max([1, 2], [1, 3]), sorted("banana"), sorted({3: "c", 1: "a"}))
try:
    min([])
except ValueError as e:
    print("ValueError:", e)
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
print(sorted([3, 1, 2], reverse=True), sorted((2, 1)), sorted(x % 3 for x in range(7)))
