def f(x):
    if x > 0:
        return 1
    elif x < 0:
        return -1
    return 0
def g(x):
    for i in x:
        if i:
            return i
    return None
def h(x):
    while x:
        x -= 1
        if x == 5:
            return x
def k():
    return
print(f(1), g([0, 2]), h(10), k())
