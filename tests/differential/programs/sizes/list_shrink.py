# Popping items shrinks a list's allocation once it falls below half its capacity.
import sys

lst = list(range(100))
last = sys.getsizeof(lst)
print("start len", len(lst), "size", last)
while lst:
    lst.pop()
    size = sys.getsizeof(lst)
    if size != last:
        print("len %d -> %d bytes" % (len(lst), size))
        last = size
lst = [0] * 50
lst.clear()
print("after clear:", sys.getsizeof(lst))
lst = [0] * 50
del lst[10:]
print("after del lst[10:]:", sys.getsizeof(lst))
