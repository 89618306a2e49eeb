# Matrices as nested lists: transpose, multiply, identity and pretty printing.
def transpose(m):
    return [list(row) for row in zip(*m)]

def multiply(a, b):
    bt = transpose(b)
    return [[sum(x * y for x, y in zip(row, col)) for col in bt] for row in a]

def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]

def show(m):
    for row in m:
        print(" ".join("%4d" % x for x in row))

a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]
show(transpose(a))
print("-")
show(multiply(a, b))
print("-")
print(multiply(a, identity(3)) == a)
fib = [[1, 1], [1, 0]]
result = identity(2)
for _ in range(30):
    result = multiply(result, fib)
print("fib(30) via matrices:", result[0][1])
