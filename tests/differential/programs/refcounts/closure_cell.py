# A variable captured by a closure lives in a cell: the cell is the only holder.
import sys

def outer():
    x = []
    print("outer, captured x:", sys.getrefcount(x))
    def inner():
        return sys.getrefcount(x)
    print("inner sees:", inner())
    y = x
    print("outer after y = x:", sys.getrefcount(x))
    return inner

f = outer()
print("after outer returned:", f())

def counter():
    total = [0]
    def add(n):
        total[0] += n
        return total[0]
    return add

add = counter()
add(5)
print("counter:", add(10))
