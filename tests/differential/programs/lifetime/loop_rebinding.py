# Rebinding a loop variable frees the previous object at once.
class Tracked:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("destroy", self.n)

for i in range(3):
    obj = Tracked(i)
    print("made", i)
print("loop done, obj still", obj.n)
del obj

items = [Tracked(10 + i) for i in range(3)]
print("list built")
items.pop(1)
print("popped the middle one")
items[0] = None
print("replaced the first one")
del items
print("end")
