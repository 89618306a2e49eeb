# Dropping the head of a chain of objects frees the whole chain, front to back.
class Link:
    def __init__(self, n, nxt):
        self.n = n
        self.nxt = nxt
    def __del__(self):
        print("free link", self.n)

head = None
for i in range(5):
    head = Link(i, head)
print("chain built, head is", head.n)
second = head.nxt
print("dropping the head only")
head = None
print("dropping the rest")
second = None
print("end")
