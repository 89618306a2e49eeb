# Dropping a suspended generator closes it: its finally block runs right away.
def numbers():
    try:
        yield 1
        yield 2
        yield 3
    finally:
        print("  generator cleanup")

g = numbers()
print("first:", next(g))
print("dropping the generator")
del g
print("after del")

for n in numbers():
    print("loop got", n)
    if n == 2:
        break
print("after break")

def consume():
    total = 0
    for n in numbers():
        total += n
    return total
print("sum:", consume())
