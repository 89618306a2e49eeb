def find(xs, t):
    for i, x in enumerate(xs):
        if x == t:
            return i
    else:
        return -1
def w(n):
    while n:
        n -= 1
    else:
        return "done"
print(find([1, 2], 2), w(3))
