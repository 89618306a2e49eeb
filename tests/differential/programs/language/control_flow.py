# if/elif/else, while/else, for/else with break and continue, and pass.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n % 2:
        return "odd"
    else:
        return "even"

print([classify(n) for n in (-2, 0, 3, 8)])

def find(items, target):
    for i, item in enumerate(items):
        if item == target:
            print("  found at", i)
            break
    else:
        print("  not found")

find([1, 2, 3], 2)
find([1, 2, 3], 9)
n = 0
while n < 3:
    n += 1
else:
    print("while finished normally, n =", n)
while True:
    n += 1
    if n > 5:
        break
else:
    print("never printed")
print("n:", n)
odds = []
for i in range(10):
    if i % 2 == 0:
        continue
    odds.append(i)
print(odds)
for i in range(3):
    pass
print("loop variable after loop:", i)
for i in []:
    print("never")
else:
    print("empty loop runs else")
