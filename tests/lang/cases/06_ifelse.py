x = 3
if x > 2:
    y = 1
elif x > 1:
    y = 2
elif x > 0:
    y = 3
else:
    y = 4
if x:
    pass
if True:
    z = 1
if False:
    z = 2
else:
    z = 3
print(y, z)
