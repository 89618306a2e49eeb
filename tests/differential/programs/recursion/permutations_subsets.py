# Recursive generation of permutations and subsets.
def permutations(items):
    if len(items) <= 1:
        return [items[:]]
    result = []
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        for p in permutations(rest):
            result.append([items[i]] + p)
    return result

def subsets(items):
    if not items:
        return [[]]
    without = subsets(items[1:])
    return without + [[items[0]] + s for s in without]

perms = permutations([1, 2, 3])
print(len(perms), perms)
print(len(permutations(list("abcde"))))
subs = subsets(["a", "b", "c"])
print(len(subs), sorted(subs, key=lambda s: (len(s), s)))

def power(base, exp):
    if exp == 0:
        return 1
    half = power(base, exp // 2)
    return half * half * (base if exp % 2 else 1)
print(power(3, 40), 3 ** 40)
