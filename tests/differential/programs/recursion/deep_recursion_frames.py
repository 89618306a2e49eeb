# Each active call holds its locals: objects live until the recursion unwinds.
import sys

class Marker:
    live = 0
    def __init__(self):
        Marker.live += 1
    def __del__(self):
        Marker.live -= 1

peak = 0
def descend(n):
    global peak
    m = Marker()
    if Marker.live > peak:
        peak = Marker.live
    if n > 0:
        descend(n - 1)

descend(50)
print("peak live markers:", peak)
print("live after return:", Marker.live)
shared = []
def hold(n):
    if n == 0:
        return sys.getrefcount(shared)
    local = shared
    return hold(n - 1)
print("refcount at the bottom of 10 frames:", hold(10))
