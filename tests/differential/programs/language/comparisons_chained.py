# Chained comparisons, is / in operators, and short-circuit boolean logic.
x = 5
print(1 < x < 10, 1 < x > 10, 1 < x <= 5 < 6, x == 5 != 4)
print(0 <= x - 5 < 1, 3 < 2 < 1)

def noisy(value, label):
    print("  eval", label)
    return value

print("chain stops early:", noisy(3, "a") < noisy(2, "b") < noisy(1, "c"))
print("and:", noisy(0, "left") and noisy(1, "right"))
print("or:", noisy(0, "left") or noisy(2, "right"))
print("not:", not noisy([], "x"))
print(2 in [1, 2, 3], 4 not in (1, 2), "b" in "abc", "k" in {"k": 1}, 1 in {1: "v"}, 3 in range(5))
print([1, 2] < [1, 3], (1, 2, 3) < (1, 2), "abc" < "abd", "Z" < "a", [1] == [1.0])
print(None or "default", "" or 0 or [] or "last", 1 and 2 and 3)
print(1 if x > 3 else 0, "big" if x > 100 else "small")
