# An uncaught NameError from a misspelt local variable (3.11 adds a "Did you mean" hint).
def total(prices):
    result = 0
    for p in prices:
        result += p
    return reslt

print("computing")
prices = [1, 2, 3]
print("prices:", prices)
print(total(prices))
