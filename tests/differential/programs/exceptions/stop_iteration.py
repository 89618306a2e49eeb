# next() raises StopIteration at the end; a default value avoids it; for loops stop quietly.
it = iter([1, 2])
print(next(it), next(it))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
print("default:", next(it, "done"))

def gen():
    yield 1
    return "return value"

g = gen()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("generator returned:", e.value)

def bad():
    yield 1
    raise StopIteration("inside")

try:
    print(list(bad()))
except RuntimeError as e:
    print("RuntimeError:", e)
