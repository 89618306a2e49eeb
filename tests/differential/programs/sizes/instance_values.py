# Instances have a fixed size; their attributes are stored outside the object in 3.11.
import sys

class Empty:
    pass

class Three:
    def __init__(self):
        self.a = 1
        self.b = 2
        self.c = 3

e = Empty()
t = Three()
print("Empty():", sys.getsizeof(e))
print("Three():", sys.getsizeof(t))
t.d = 4
print("after adding an attribute:", sys.getsizeof(t))
print("__dict__ of Three (materialised):", sys.getsizeof(t.__dict__))
e2 = Empty()
for i in range(10):
    setattr(e2, "attr%d" % i, i)
print("Empty with 10 attributes:", sys.getsizeof(e2))
print("its __dict__:", sys.getsizeof(vars(e2)))
