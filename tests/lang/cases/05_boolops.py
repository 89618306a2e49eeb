a = 1
b = 0
c = a and b
d = a or b
e = a and b or c
f = (a or b) and c
g = a and b and c
if a and b:
    print(1)
if a or b:
    print(2)
if not (a and b):
    print(3)
x = a if b else c
while a and not b:
    a = 0
