def deco(fn):
    return fn
@deco
def f():
    return 1
@deco
@deco
def g(x):
    return x
@deco
class C:
    pass
print(f(), g(2), C)
