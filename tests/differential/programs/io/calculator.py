# A tiny line calculator: each input line is "a op b"; bad lines report errors.
def calc(a, op, b):
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    if op == "/":
        return a / b
    raise ValueError("unknown operator " + op)

n = int(input())
for _ in range(n):
    parts = input().split()
    try:
        a, op, b = parts
        print(parts, "=", calc(int(a), op, int(b)))
    except ZeroDivisionError as e:
        print(parts, "error:", e)
    except ValueError as e:
        print(parts, "error:", e)
