# title: The classic model and CPython 3.11 side by side
# about: Most articles describe an older CPython: 256 KiB arenas, 4 KiB pools and 8-byte size
# about: classes, with a 24-byte GC header. CPython 3.11 uses 1 MiB arenas, 16 KiB pools and
# about: 16-byte classes, and a 16-byte GC header. Run this program in both profiles and
# about: compare the sizes and the allocator map.
# profile: 3.11
# compare: classic
import sys

print(sys.getsizeof([]), sys.getsizeof({}), sys.getsizeof(()))
values = [str(i) for i in range(2000)]
print(len(values))
