pass
x = 1; y = 2; z = 3
if x: print(x)
while False: pass
for _ in (): pass
print(x, y, z)
"just a string"
42
x
