def f(a=1, b=2):
    return a + b
def g(a, b=[], c={}):
    return b
def h(*, k=1, j):
    return k
def i(x=None, *, y=None):
    return x
print(f(), g(1), h(j=2), i())
