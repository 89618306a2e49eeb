# Objects captured by closures live as long as the closure does.
class Tracked:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("destroy", self.name)

def make_getter():
    obj = Tracked("captured")
    unused = Tracked("not captured")
    def get():
        return obj.name
    return get

g = make_getter()
print("getter returns", g())
print("dropping the getter")
del g

def make_pair():
    shared = Tracked("shared")
    def a():
        return shared.name
    def b():
        return shared.name + "!"
    return a, b

fa, fb = make_pair()
del fa
print("one of two closures gone:", fb())
del fb
print("end")
