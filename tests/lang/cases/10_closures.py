def outer():
    x = 1
    def inner():
        nonlocal x
        x += 1
        return x
    def reader():
        return x
    return inner, reader

def counter(start):
    def inc(n=1):
        nonlocal start
        start += n
        return start
    return inc

def deep():
    a = 1
    def mid():
        def inner():
            return a
        return inner
    return mid
print(outer(), counter(0)(), deep()()())
