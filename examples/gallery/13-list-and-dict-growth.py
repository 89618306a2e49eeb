# title: How lists and dicts grow
# about: A list over-allocates so that append is cheap on average: its capacity jumps in steps
# about: (4, 8, 16, 24, 32, ...), visible in sys.getsizeof. A dict's keys table doubles when it is
# about: two-thirds full.
# pause: 13 | sizes shows the jumps where the array grew.
import sys

items = []
sizes = []
for i in range(20):
    items.append(i)
    sizes.append(sys.getsizeof(items))
print(sizes)
d = {}
dsizes = []
for i in range(20):
    d[i] = i
    dsizes.append(sys.getsizeof(d))
print(dsizes)
