# any, all and len over containers and generators.
print(len([]), len("hello"), len((1, 2)), len({"a": 1}), len({1, 2, 2}), len(range(3, 30, 3)), len(b"xyz"))
print(any([0, False, None]), any([0, 1]), all([1, "a", [0]]), all([1, 0]))
seen = []
def check(x):
    seen.append(x)
    return x > 2
print(any(check(x) for x in [1, 2, 3, 4, 5]), seen)
seen.clear()
print(all(check(x) for x in [3, 4, 1, 5]), seen)

class Sized:
    def __len__(self):
        return 7

print(len(Sized()), bool(Sized()))
try:
    len(42)
except TypeError as e:
    print("TypeError:", e)
