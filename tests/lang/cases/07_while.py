i = 0
while i < 10:
    i += 1
    if i == 3:
        continue
    if i == 8:
        break
else:
    print("no break")
while True:
    i -= 1
    if i < 0:
        break
print(i)
