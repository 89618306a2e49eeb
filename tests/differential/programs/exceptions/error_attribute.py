# An uncaught AttributeError: reading an attribute that was never set.
class Account:
    def __init__(self, balance):
        self.balance = balance

    def report(self):
        return "balance %d owned by %s" % (self.balance, self.owner)

acct = Account(100)
print("balance:", acct.balance)
print("has owner:", hasattr(acct, "owner"))
print(acct.report())
