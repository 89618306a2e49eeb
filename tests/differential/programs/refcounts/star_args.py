# References held by *args tuples and **kwargs dicts.
import sys

def star(*args):
    return sys.getrefcount(args[0])

def star_keep(*args):
    first = args[0]
    return sys.getrefcount(first)

def kw(**kwargs):
    return sys.getrefcount(kwargs["item"])

def mixed(a, *rest, key=None):
    return sys.getrefcount(a), sys.getrefcount(key)

obj = []
print("h(*args) args[0]:", star(obj))
print("first = args[0]:", star_keep(obj))
print("h(obj, obj):", star(obj, obj))
print("kw(item=obj):", kw(item=obj))
print("mixed(obj, key=obj):", mixed(obj, key=obj))
print("mixed(obj, obj, obj, key=obj):", mixed(obj, obj, obj, key=obj))
print("after the calls:", sys.getrefcount(obj))
