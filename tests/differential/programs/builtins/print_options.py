# print with sep and end, printing of nested containers and special values.
print("a", "b", "c")
print("a", "b", "c", sep="")
print("a", "b", sep=", ", end=".\n")
print("no newline", end="")
print(" -- continued")
print()
print(1, 2.0, None, True, [1, "two", (3,)], {"k": [None]}, (1,), ())
print([[]], [[], []], {1: {2: {3: {}}}}, {(1, 2): "tuple key"})
print(set(), {1}, frozenset(), -0.0, 1e100, 10 ** 20)
print("multi\nline", "tab\tstop")
print(*range(5), sep=" | ")
print("unicode: caf\u00e9 \u263a \U0001F600")
L = [1, 2]
L.append(L)
print("recursive list:", L)
D = {"self": None}
D["self"] = D
print("recursive dict:", D)
