# Catching RecursionError and measuring how deep recursion went under a small limit.
import sys

print("default limit:", sys.getrecursionlimit())
depth = 0

def dive(n):
    global depth
    depth = n
    dive(n + 1)

sys.setrecursionlimit(100)
print("new limit:", sys.getrecursionlimit())
try:
    dive(1)
except RecursionError as e:
    print("RecursionError:", e)
print("deepest call:", depth)
sys.setrecursionlimit(200)
try:
    dive(1)
except RecursionError:
    pass
print("deepest call with limit 200:", depth)
sys.setrecursionlimit(1000)
