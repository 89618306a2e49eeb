xs = [1, 2, 3]
s = sum(x * x for x in xs)
m = max((x for x in xs), default=0)
a = any(x > 2 for x in xs if x)
print(s, m, a)
