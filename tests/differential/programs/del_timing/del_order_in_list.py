# A list releases its items from the last slot to the first when it dies.
class Noisy:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        print("__del__", self.tag)

items = [Noisy(i) for i in range(4)]
print("del items")
del items
pairs = (Noisy("t0"), Noisy("t1"), Noisy("t2"))
print("del tuple")
del pairs
d = {k: Noisy("d" + k) for k in "abc"}
print("del dict")
del d
s = [Noisy("s" + str(i)) for i in range(3)]
print("slice deletion s[0:2]")
del s[0:2]
print("del s")
del s
print("end")
