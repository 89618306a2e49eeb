# Sizes of functions, lambdas, bound methods, classes, instances and slots instances.
import sys

def f(x):
    return x

class Plain:
    def method(self):
        return 1

class Slots2:
    __slots__ = ("a", "b")

class Slots0:
    __slots__ = ()

print("function:", sys.getsizeof(f))
print("lambda:", sys.getsizeof(lambda: 0))
print("bound method:", sys.getsizeof(Plain().method))
print("builtin bound method:", sys.getsizeof([].append))
print("instance:", sys.getsizeof(Plain()))
print("slots instance (2):", sys.getsizeof(Slots2()))
print("slots instance (0):", sys.getsizeof(Slots0()))
print("object():", sys.getsizeof(object()))
print("builtin type int:", sys.getsizeof(int))
print("class Plain:", sys.getsizeof(Plain))
print("class Slots2:", sys.getsizeof(Slots2))
print("module sys:", sys.getsizeof(sys))
