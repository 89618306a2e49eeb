for i in range(3):
    for j in range(3):
        if j == i:
            break
        print(i, j)
    else:
        continue
    print("after")
n = 0
while n < 3:
    for k in range(2):
        n += 1
