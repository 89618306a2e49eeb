# Deleting a container releases its items in order.
class Tracked:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("destroy", self.name)

lst = [Tracked("l0"), Tracked("l1"), Tracked("l2")]
print("del list")
del lst
tpl = (Tracked("t0"), Tracked("t1"))
print("del tuple")
del tpl
d = {"a": Tracked("d-a"), "b": Tracked("d-b")}
print("del dict")
del d
shared = Tracked("shared")
outer = [[shared], [shared]]
print("del outer (shared survives)")
del outer
print("del shared")
del shared
print("end")
