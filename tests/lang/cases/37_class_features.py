class Point:
    count = 0
    __secret = 1
    def __init__(self, x=0, y=0):
        self.x = x
        self.y = y
        Point.count += 1
        self.__hidden = self.__secret
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
    def __eq__(self, other):
        return self.x == other.x and self.y == other.y
    @staticmethod
    def origin():
        return Point()
    @property
    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
p = Point(1, 2)
print(p, p == Point(1, 2), Point.count)
