# An off-by-one loop ends in an uncaught IndexError after printing the valid items.
items = [10, 20, 30]
total = 0
i = 0
while i <= len(items):
    total += items[i]
    print("item", i, items[i], "running total", total)
    i += 1
print("total", total)
print("never printed")
