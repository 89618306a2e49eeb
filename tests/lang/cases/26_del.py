x = 1
y = [1, 2, 3]
del x
del y[0], y[0:1]
def f():
    z = 1
    del z
class C:
    a = 1
    del a
