# A subclass __del__ overrides the base one unless it calls super().__del__().
class Base:
    def __del__(self):
        print("Base.__del__ for", type(self).__name__)

class Child(Base):
    def __del__(self):
        print("Child.__del__")
        super().__del__()

class Plain(Base):
    pass

class Override(Base):
    def __del__(self):
        print("Override.__del__ only")

for cls in (Base, Child, Plain, Override):
    print("--", cls.__name__)
    obj = cls()
    del obj
print("end")
