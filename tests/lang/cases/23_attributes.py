class A:
    pass
a = A()
a.x = 1
a.y = a.x + 1
a.x += 5
del a.y
print(a.x)
b = a.x.bit_length()
