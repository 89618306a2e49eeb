# An uncaught ZeroDivisionError ends the program with status 1 after printing what came before.
def average(values):
    total = sum(values)
    return total / len(values)

groups = {"a": [2, 4], "b": [1, 2, 3, 4], "c": []}
print("groups:", len(groups))
for name, values in groups.items():
    print("average of", name, "=", average(values))
print("never printed")
