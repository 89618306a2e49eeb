# __del__ runs at the exact statement that drops the last reference.
class Noisy:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        print("  __del__", self.tag)

print("1: create a")
a = Noisy("a")
print("2: b = a")
b = a
print("3: a = 1")
a = 1
print("4: b = 2")
b = 2
print("5: temporary in expression")
print("  len of repr:", len(str(Noisy("tmp").tag)))
print("6: list then clear")
l = [Noisy("x"), Noisy("y")]
l.clear()
print("7: done")
