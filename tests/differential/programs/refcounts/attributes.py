# Attribute assignment holds a reference; del of the attribute releases it.
import sys

class Box:
    pass

class Slotted:
    __slots__ = ('item', 'other')

a = []
o = Box()
print("start:", sys.getrefcount(a))
o.attr = a
print("o.attr = a:", sys.getrefcount(a))
o.attr2 = a
print("o.attr2 = a:", sys.getrefcount(a))
del o.attr
print("del o.attr:", sys.getrefcount(a))
s = Slotted()
s.item = a
s.other = a
print("two slot attributes:", sys.getrefcount(a))
setattr(o, 'attr3', a)
print("setattr(o, 'attr3', a):", sys.getrefcount(a))
delattr(o, 'attr3')
print("delattr:", sys.getrefcount(a))
del o
print("del o:", sys.getrefcount(a))
s.item = None
print("s.item = None:", sys.getrefcount(a))
