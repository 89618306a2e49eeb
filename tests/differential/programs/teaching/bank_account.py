# A bank account class with validation, class attributes and a transaction log.
class InsufficientFunds(Exception):
    pass

class Account:
    interest = 0.02
    accounts = 0

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.log = []
        Account.accounts += 1

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.log.append(("deposit", amount))

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds("%s has only %d" % (self.owner, self.balance))
        self.balance -= amount
        self.log.append(("withdraw", amount))

    def add_interest(self):
        self.balance = round(self.balance * (1 + self.interest), 2)

    def __repr__(self):
        return "Account(%r, %r)" % (self.owner, self.balance)

a = Account("ada", 100)
b = Account("bob")
a.deposit(50)
a.withdraw(30)
for action in [lambda: b.withdraw(10), lambda: a.deposit(-5)]:
    try:
        action()
    except (InsufficientFunds, ValueError) as e:
        print(type(e).__name__ + ":", e)
a.add_interest()
b.interest = 0.5
b.deposit(10)
b.add_interest()
print(a, b, Account.accounts)
print(a.log)
print("class interest unchanged:", Account.interest, "b's own:", b.interest)
