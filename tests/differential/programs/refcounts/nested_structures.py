# Counting references inside nested structures and when the outer container dies.
import sys

leaf = []
tree = {"left": [leaf, leaf], "right": (leaf, [leaf])}
print("leaf in tree:", sys.getrefcount(leaf))
inner = tree["right"][1]
print("inner list:", sys.getrefcount(inner))
del tree["left"]
print("after del tree['left']:", sys.getrefcount(leaf))
del tree
print("after del tree:", sys.getrefcount(leaf), sys.getrefcount(inner))
del inner
print("after del inner:", sys.getrefcount(leaf))
matrix = [[leaf] * 3 for _ in range(3)]
print("3x3 matrix of leaf:", sys.getrefcount(leaf))
matrix[1] = None
print("one row replaced:", sys.getrefcount(leaf))
matrix = None
print("matrix dropped:", sys.getrefcount(leaf))
