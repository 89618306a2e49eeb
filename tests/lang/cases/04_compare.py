a, b, c = 1, 2, 3
r1 = a < b
r2 = a < b < c
r3 = a == b != c >= a
r4 = a is b
r5 = a is not None
r6 = a in [1, 2]
r7 = a not in {1, 2}
r8 = not a in b
r9 = not a is b
if a < b < c:
    print("chain")
if a is None:
    pass
if a is not None:
    pass
