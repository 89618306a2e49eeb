# Every instance holds a reference to its class; bound methods hold the instance.
import sys

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x * self.x + self.y * self.y

before = sys.getrefcount(Point)
points = [Point(i, i + 1) for i in range(5)]
print("class refs gained by 5 instances:", sys.getrefcount(Point) - before)
p = points[0]
print("p:", sys.getrefcount(p))
m = p.norm2
print("after m = p.norm2:", sys.getrefcount(p))
print("m():", m())
del m
print("after del m:", sys.getrefcount(p))
points.clear()
print("class refs after clear:", sys.getrefcount(Point) - before)
del p
print("class refs after del p:", sys.getrefcount(Point) - before)
