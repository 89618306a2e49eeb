# Generator functions chained into a lazy pipeline.
def numbers(limit):
    n = 0
    while n < limit:
        print("  produce", n)
        yield n
        n += 1

def squares(src):
    for x in src:
        yield x * x

def evens(src):
    for x in src:
        if x % 2 == 0:
            yield x

pipe = evens(squares(numbers(6)))
print("pipeline built, nothing produced yet")
print("first:", next(pipe))
print("rest:", list(pipe))
print("sum of squares below 100:", sum(x * x for x in range(100)))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

out = []
for i, f in enumerate(fib()):
    if i >= 12:
        break
    out.append(f)
print(out)
