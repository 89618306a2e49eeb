# Reassigning an attribute frees the old value before the statement ends.
class Noisy:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        print("  __del__", self.tag)

class Holder:
    def __init__(self):
        self.item = Noisy("first")

h = Holder()
print("reassign attribute")
h.item = Noisy("second")
print("delete attribute")
del h.item
print("set again, then drop holder")
h.item = Noisy("third")
h = None
print("dict value replaced")
d = {"k": Noisy("v1")}
d["k"] = Noisy("v2")
print("dict popped")
d.pop("k")
print("end")
