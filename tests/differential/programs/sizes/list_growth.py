# A list's capacity grows in steps as it is appended to: print each change of getsizeof.
import sys

lst = []
last = sys.getsizeof(lst)
print("len 0:", last, "bytes")
for i in range(1, 200):
    lst.append(i)
    size = sys.getsizeof(lst)
    if size != last:
        print("len %d: %d bytes (capacity %d)" % (len(lst), size, (size - 56) // 8))
        last = size
