def gen(n):
    i = 0
    while i < n:
        yield i
        i += 1

def gen2():
    x = yield
    yield x

def delegate():
    yield from gen(3)
    return 5

g = (i * i for i in range(3))
print(list(gen(3)), list(g))
