# Ints from -5 to 256 are cached singletons; others computed at run time are fresh objects.
for text in ["-6", "-5", "0", "100", "256", "257", "1000"]:
    a = int(text)
    b = int(text)
    print(text, "is:", a is b, "==:", a == b)

x = 200
y = 100 + int("100")
print("200 vs 100 + 100:", x is y)
x = 300
y = 150 + int("150")
print("300 vs 150 + 150:", x is y)
n = 0
for i in range(300):
    n += 1
big = 300
print("counted to 300, same object as literal 300:", n is big, n == big)
m = 0
for i in range(256):
    m += 1
small = 256
print("counted to 256, same object as literal 256:", m is small)
