# title: A pool fills block by block
# about: Floats are 24-byte objects, served from 32-byte blocks of the size class for 32 bytes.
# about: Each new float takes the next block of a pool; when the pool is full, pymalloc moves on
# about: to another. Deleting every other float puts their blocks on the pool's free list, and
# about: the next allocations reuse those blocks first, most recently freed first.
# pause: 10 | 600 floats fill 32-byte blocks of one size class.
# pause: 12 | Half of the blocks are back on their pools' free lists.
# pause: 14 | The new floats took the freed blocks first.
floats = [float(i) for i in range(600)]
print(len(floats))
del floats[::2]
print(len(floats))
more = [float(i) + 0.5 for i in range(100)]
print(len(more))
