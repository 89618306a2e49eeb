# title: id() values are reused
# about: id(x) is the address of x's memory. When a list dies, CPython keeps the list object on
# about: a free list (and pymalloc puts freed blocks at the head of their pool's free list), so
# about: the next list created reuses the same memory: a new object can have a dead object's id.
# about: The ids are only compared at the end: print itself creates objects.
# pause: 8 | The first list is gone; its memory waits for the next list.
first = id([1, 2, 3])
second = id([4, 5, 6])
x = [7]
third = id(x)
print(first == second, third == first)
