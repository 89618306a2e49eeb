# type, isinstance, issubclass, callable, hasattr/getattr/setattr/delattr, dir, vars.
class Base:
    kind = "base"

class Derived(Base):
    def method(self):
        return 1

d = Derived()
print(type(d) is Derived, type(d) is Base, isinstance(d, Base), isinstance(d, (int, Derived)))
print(issubclass(Derived, Base), issubclass(Base, Derived), issubclass(bool, int), issubclass(int, object))
print(type(1), type("s"), type([]), type(None), type(type), type(len))
print(type(d), Derived, Derived.__name__, type(Derived), type(Base()) is Base)
setattr(d, "color", "red")
print(getattr(d, "color"), getattr(d, "kind"), getattr(d, "size", 0), hasattr(d, "method"))
print(vars(d))
delattr(d, "color")
print(vars(d), hasattr(d, "color"))
print([n for n in dir(d) if not n.startswith("_")])
print("method" in dir(Derived), "kind" in dir(d), "__init__" in dir(d))
print(callable(d.method), callable(Derived), callable(3), callable(lambda: 0))
print(isinstance(True, int), isinstance(1, bool), isinstance(3.0, (int, float)))
