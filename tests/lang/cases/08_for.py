total = 0
for i in range(10):
    if i % 2:
        continue
    total += i
else:
    total = -total
for x in [1, 2, 3]:
    print(x)
for k, v in {'a': 1}.items():
    print(k, v)
for a, *b in [(1, 2, 3)]:
    print(a, b)
for ch in "abc":
    if ch == "b":
        break
print(total)
