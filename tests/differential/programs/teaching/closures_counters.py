# Closures remember their enclosing variables; nonlocal lets them update them.
def make_counter(start=0, step=1):
    count = start
    def tick():
        nonlocal count
        count += step
        return count
    return tick

c1 = make_counter()
c2 = make_counter(100, 10)
print(c1(), c1(), c1(), c2(), c2())

def make_multipliers():
    return [lambda x, i=i: x * i for i in range(4)]

def make_late():
    return [lambda x: x * i for i in range(4)]

print([m(10) for m in make_multipliers()])
print([m(10) for m in make_late()])

def compose(*fns):
    def composed(x):
        for f in reversed(fns):
            x = f(x)
        return x
    return composed

inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5))

total = 0
def add_global(n):
    global total
    total += n
add_global(5)
add_global(7)
print("global total:", total)
