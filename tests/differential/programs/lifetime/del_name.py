# del removes a name, not an object: the object dies with its last reference.
class Tracked:
    def __init__(self, name):
        self.name = name
        print("create", name)
    def __del__(self):
        print("destroy", self.name)

a = Tracked("A")
b = a
print("del a")
del a
print("del b")
del b
print("rebinding c twice")
c = Tracked("C1")
c = Tracked("C2")
print("c = None")
c = None
print("end")
