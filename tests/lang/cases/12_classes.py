class Base:
    kind = "base"
    def __init__(self, x):
        self.x = x
    def get(self):
        return self.x

class Child(Base):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
    def get(self):
        return super().get() + self.y

class Slotted:
    __slots__ = ('a', 'b')
    def __init__(self):
        self.a = 1

c = Child(1, 2)
print(c.get(), Base.kind)
