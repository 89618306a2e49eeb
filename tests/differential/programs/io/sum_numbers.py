# Reading numbers until an empty line, then printing their statistics.
numbers = []
while True:
    line = input()
    if line == "":
        break
    numbers.append(float(line))
print("count:", len(numbers))
print("sum:", sum(numbers))
print("min/max:", min(numbers), max(numbers))
print("mean: %.3f" % (sum(numbers) / len(numbers)))
print("sorted:", sorted(numbers))
