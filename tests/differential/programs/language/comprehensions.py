# List, dict and set comprehensions, nested loops, conditions and generator expressions.
print([x * x for x in range(8) if x % 2])
print([(i, j) for i in range(3) for j in range(i)])
print([[i * j for j in range(1, 4)] for i in range(1, 4)])
print({x: x ** 3 for x in range(5)})
print(sorted({x % 4 for x in range(20)}))
print({w: len(w) for w in ["apple", "fig", "kiwi"]})
gen = (x + 1 for x in range(3))
print(next(gen), list(gen), list(gen))
print(sum(x for x in range(101)), max(len(w) for w in ["a", "abc", "ab"]))
matrix = [[1, 2, 3], [4, 5, 6]]
print([v for row in matrix for v in row])
print([row[i] for i in range(3) for row in matrix])
x = "outer"
squares = [x for x in range(3)]
print("comprehension variable does not leak:", x)
print(["even" if n % 2 == 0 else "odd" for n in range(4)])
print(dict((k, v) for k, v in zip("abc", range(3))))
print(any(n > 3 for n in [1, 5]), all(n > 3 for n in [4, 5]), all([]), any([]))
