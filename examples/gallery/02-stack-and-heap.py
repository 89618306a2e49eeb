# title: The stack and the heap: add(x, y)
# about: Calling a function pushes a frame. Its parameters are new names for the objects the
# about: caller passed, not copies. The result is a new object that outlives the frame: when
# about: add returns, its frame is popped and only `total` keeps the result alive.
# pause: 9 | Inside add: x and y refer to the caller's objects; result is new.
# pause: 14 | add has returned: its frame is gone and total holds the result.
def add(x, y):
    result = x + y
    return result

a = 1000
b = 2000
total = add(a, b)
print(total)
