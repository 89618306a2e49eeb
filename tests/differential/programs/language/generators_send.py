# Generators: yield, return value, yield from, and generator state.
def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return "liftoff"

print(list(countdown(3)))

def delegating():
    result = yield from countdown(2)
    yield result

print(list(delegating()))

def accumulate():
    total = 0
    while True:
        value = yield total
        if value is None:
            return total
        total += value

acc = accumulate()
print(next(acc), acc.send(5), acc.send(10))
try:
    acc.send(None)
except StopIteration as e:
    print("final:", e.value)

def chunks(seq, size):
    for i in range(0, len(seq), size):
        yield seq[i:i + size]

print(list(chunks("abcdefgh", 3)))
g = countdown(2)
print(list(g), list(g))
