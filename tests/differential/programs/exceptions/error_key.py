# An uncaught KeyError: the traceback's last line shows the missing key's repr.
stock = {"apple": 3, "pear": 0}
orders = ["apple", "pear", "banana"]

def reserve(name):
    if stock[name] == 0:
        return "sold out"
    stock[name] -= 1
    return "reserved"

for fruit in orders:
    print(fruit, reserve(fruit))
