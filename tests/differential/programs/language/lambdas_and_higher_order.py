# Lambdas with map, filter, sorted keys, and functions returning functions.
nums = [5, -3, 8, 0, -1, 7]
print(list(map(lambda x: x * x, nums)))
print(list(filter(lambda x: x > 0, nums)))
print(sorted(nums, key=lambda x: abs(x)))
print(sorted(nums, key=lambda x: (x % 2, x), reverse=True))
pairs = [("b", 2), ("a", 2), ("c", 1)]
print(sorted(pairs, key=lambda p: p[1]))
print(list(map(lambda a, b: a + b, [1, 2, 3], [10, 20, 30])))
apply_twice = lambda f, x: f(f(x))
print(apply_twice(lambda s: s + "!", "hi"))

def adder(n):
    return lambda x: x + n

add5 = adder(5)
print(add5(10), adder(-1)(1))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
print([ops[o](6, 3) for o in "+-*"])
print((lambda *a, **k: (a, k))(1, 2, x=3))
