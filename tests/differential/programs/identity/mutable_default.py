# A mutable default argument is created once and shared by every call.
def append_to(item, target=[]):
    target.append(item)
    return target

first = append_to(1)
second = append_to(2)
print("first:", first, "second:", second)
print("same object:", first is second)

def safe_append(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target

x = safe_append(1)
y = safe_append(2)
print("safe:", x, y, x is y)

def counter(memo={}):
    memo["n"] = memo.get("n", 0) + 1
    return memo["n"]

print("counter calls:", counter(), counter(), counter())
