# Inheritance and polymorphism: shapes with area, perimeter and __repr__/__str__.
import math

class Shape:
    count = 0
    def __init__(self, name):
        self.name = name
        Shape.count += 1
    def area(self):
        raise NotImplementedError
    def __str__(self):
        return "%s with area %.2f" % (self.name, self.area())

class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r
    def area(self):
        return math.pi * self.r ** 2
    def __repr__(self):
        return "Circle(%r)" % self.r

class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
    def __repr__(self):
        return "Rect(%r, %r)" % (self.w, self.h)

class Square(Rect):
    def __init__(self, side):
        super().__init__(side, side)
        self.name = "square"

shapes = [Circle(1), Rect(2, 3.5), Square(4)]
for s in shapes:
    print(s)
print(shapes)
print("total area: %.3f" % sum(s.area() for s in shapes))
print("count:", Shape.count, isinstance(shapes[2], Rect), issubclass(Square, Shape))
print(sorted(shapes, key=lambda s: s.area()))
try:
    Shape("abstract").area()
except NotImplementedError:
    print("Shape.area is abstract")
