# Building strings: concatenation in loops, join, repetition and formatting tables.
rows = [("apple", 3, 0.5), ("banana", 12, 0.25), ("cherry", 100, 0.1)]
lines = []
for name, qty, price in rows:
    lines.append("%-8s %4d %6.2f %7.2f" % (name, qty, price, qty * price))
table = "\n".join(lines)
print(table)
print("=" * 28)
total = sum(q * p for _, q, p in rows)
print(f"{'total':<8} {'':>4} {'':>6} {total:7.2f}")
s = ""
for i in range(10):
    s += str(i)
print(s, len(s))
acrostic = "".join(word[0].upper() for word in "memory is really cool".split())
print(acrostic)
numbers = ", ".join(f"{i}^2={i * i}" for i in range(1, 6))
print(numbers)
border = "+" + "-" * 10 + "+"
print(border + "\n|" + "refscope".center(10) + "|\n" + border)
