# Objects in a reference cycle are not freed by del: __del__ waits for gc.collect().
import gc
gc.disable()
gc.collect()

class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        print("  __del__", self.name)

a = Node("a")
b = Node("b")
a.other = b
b.other = a
print("del a, b")
del a, b
print("nothing freed yet; collecting")
n = gc.collect()
print("collected:", n)
c = Node("c")
print("del c (no cycle)")
del c
print("collect again:", gc.collect())
