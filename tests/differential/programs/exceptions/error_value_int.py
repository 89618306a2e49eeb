# An uncaught ValueError from int() of a non-number, raised inside a comprehension.
def parse_all(words):
    return [int(w) for w in words]

batches = [["1", "22", "333"], ["-4", " 5 "], ["6", "seven"]]
grand_total = 0
for batch in batches:
    numbers = parse_all(batch)
    grand_total += sum(numbers)
    print(batch, "->", numbers, "running total", grand_total)
print("never printed")
