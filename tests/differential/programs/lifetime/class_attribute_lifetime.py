# Objects stored on a class live as long as the class attribute refers to them.
class Tracked:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  destroy", self.name)

class Holder:
    shared = Tracked("class attribute")

h1 = Holder()
h2 = Holder()
print("instances share it:", h1.shared is h2.shared)
h1.shared = Tracked("instance attribute")
print("h1 shadows the class attribute:", h1.shared.name, "/", h2.shared.name)
del h1.shared
print("h1 sees the class attribute again:", h1.shared.name)
print("replacing the class attribute")
Holder.shared = Tracked("replacement")
print("deleting the class attribute")
del Holder.shared
print("has shared:", hasattr(h1, "shared"))
print("end")
