# Objects in a failing frame are freed while the exception propagates.
class Noisy:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        print("  __del__", self.tag)

def inner():
    n = Noisy("inner-local")
    raise ValueError("boom")

def outer():
    m = Noisy("outer-local")
    inner()

try:
    outer()
except ValueError as e:
    print("caught:", e)
print("after try")

def handled():
    t = Noisy("handled-local")
    try:
        raise KeyError("k")
    except KeyError:
        print("  handled inside")
    return "ok"

print(handled())
