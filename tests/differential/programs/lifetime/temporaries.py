# Temporaries in an expression die as soon as the expression is done with them.
class T:
    def __init__(self, n):
        self.n = n
    def __add__(self, other):
        return T(self.n + other.n)
    def __del__(self):
        print("free", self.n)

print("sum:", (T(1) + T(2) + T(4)).n)
print("next statement")
x = T(10) + T(20)
print("x holds", x.n)
del x
print("chained call result length:", len([T(100), T(200)]))
print("end")
