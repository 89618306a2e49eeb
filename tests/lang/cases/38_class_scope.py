x = 10
class A:
    x = 1
    y = [x for _ in range(2)]
    def m(self):
        return x
def f():
    z = 5
    class B:
        w = z
        def g(self):
            return z
    return B
print(A.y, A().m(), f().w)
