# Inside __del__ the object's attributes and globals are still available.
log = []

class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance
    def __del__(self):
        log.append(self.owner + " closed with " + str(self.balance))

a = Account("ann", 10)
b = Account("bob", 20)
a.balance += 5
del a
b.balance -= 7
del b
for line in log:
    print(line)
print("entries:", len(log))
