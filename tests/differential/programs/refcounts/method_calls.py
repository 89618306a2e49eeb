# self inside a method, bound-method objects, and references during a call.
import sys

class Node:
    def __init__(self, value):
        self.value = value
    def self_count(self):
        return sys.getrefcount(self)
    def pass_on(self):
        return helper(self)

def helper(obj):
    return sys.getrefcount(obj)

n = Node([])
print("module level:", sys.getrefcount(n))
print("inside method:", n.self_count())
print("method calling helper:", n.pass_on())
print("helper direct:", helper(n))
bm = n.self_count
print("holding the bound method:", sys.getrefcount(n))
print("call through it:", bm())
print("value list:", sys.getrefcount(n.value))
v = n.value
print("after v = n.value:", sys.getrefcount(v))
