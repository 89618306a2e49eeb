# An uncaught failed assert with a message, after some passing checks.
def withdraw(balance, amount):
    assert amount >= 0, "negative amount"
    assert amount <= balance, "insufficient funds: %d > %d" % (amount, balance)
    return balance - amount

balance = 100
for amount in [30, 20, 300]:
    balance = withdraw(balance, amount)
    print("withdrew", amount, "balance", balance)
print("never printed")
