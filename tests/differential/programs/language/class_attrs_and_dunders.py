# Class-level state shared by instances, instance counters, __eq__/__hash__, __contains__, __iter__.
class Registry:
    items = []
    created = 0
    def __init__(self, name):
        self.name = name
        Registry.created += 1
        self.items.append(name)
    def __contains__(self, name):
        return name in self.items
    def __iter__(self):
        return iter(self.items)

r1 = Registry("one")
r2 = Registry("two")
print(Registry.created, r1.items is r2.items, list(r2), "one" in r2)

class Key:
    def __init__(self, k):
        self.k = k
    def __eq__(self, other):
        return self.k == other.k
    def __hash__(self):
        return hash(self.k)
    def __repr__(self):
        return "Key(%d)" % self.k

table = {Key(1): "a", Key(2): "b"}
print(table[Key(1)], Key(2) in table, len({Key(3), Key(3)}))

class NoHash:
    def __eq__(self, other):
        return True

try:
    {NoHash()}
except TypeError as e:
    print("TypeError:", e)
print(callable(Registry), callable(r1), callable(len))
