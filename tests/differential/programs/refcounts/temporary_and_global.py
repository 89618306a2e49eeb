# getrefcount of a temporary, of a module global, and after binding a second name.
import sys

print("temporary []:", sys.getrefcount([]))
a = []
print("a = []:", sys.getrefcount(a))
b = a
print("after b = a:", sys.getrefcount(a))
c = b
print("after c = b:", sys.getrefcount(a))
del b
print("after del b:", sys.getrefcount(a))
c = None
print("after c = None:", sys.getrefcount(a))
print("fresh int('257'):", sys.getrefcount(int('257')))
print("fresh str:", sys.getrefcount("x" * int("40")))
