# Attribute lookups through a class and its bases after the classes change: methods replaced,
# added and deleted on a base, shadowed on a subclass, data descriptors added after an instance
# attribute was set, and classes that die and are made again in a loop.
import gc


class Base:
    def who(self):
        return "Base.who"


class Child(Base):
    pass


c = Child()
print(c.who())
Base.who = lambda self: "replaced on Base"
print(c.who())
Child.who = lambda self: "shadowed on Child"
print(c.who())
del Child.who
print(c.who())
del Base.who
try:
    c.who()
except AttributeError as e:
    print("AttributeError:", e)
setattr(Base, "who", lambda self: "set again")
print(c.who(), hasattr(c, "who"), hasattr(Child, "nothing"))
Base.nothing = 0
print(hasattr(Child, "nothing"), getattr(c, "nothing"))


class Plain:
    pass


p = Plain()
p.v = 1
print(p.v)
Plain.v = property(lambda self: "property wins")
print(p.v)
del Plain.v
print(p.v)


def make(n):
    class Made:
        label = "made %d" % n

        def show(self):
            return self.label

    return Made()


for i in range(6):
    m = make(i)
    print(m.show(), type(m).label)
    del m
    print(gc.collect() > 0)


class Counter:
    count = 0

    def bump(self):
        Counter.count += 1
        return Counter.count


k = Counter()
print([k.bump() for _ in range(3)], k.count, Counter.count)
k.count = 100
print(k.count, Counter.count, k.bump())


class Meta:
    def __init__(self):
        self.hits = 0

    def __getattr__(self, name):
        self.hits += 1
        return name.upper()


mm = Meta()
print(mm.abc, mm.hits)
Meta.abc = "class attribute now"
print(mm.abc, mm.hits)
del Meta.__getattr__
try:
    print(mm.xyz)
except AttributeError as e:
    print("AttributeError:", e)
