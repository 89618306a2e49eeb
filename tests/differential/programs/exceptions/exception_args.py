# Exception objects carry args; str() and repr() depend on how many there are.
cases = [Exception(), Exception("one"), Exception("a", 2), ValueError(3), KeyError("key"), KeyError("a", "b")]
for e in cases:
    print(repr(e), "|", str(e), "|", e.args)

class Detailed(Exception):
    def __init__(self, code, detail):
        super().__init__(code, detail)
        self.code = code
    def __str__(self):
        return "E%03d" % self.code

d = Detailed(7, "disk full")
print(repr(d), str(d), d.args, d.code)
print(isinstance(d, Exception), isinstance(KeyError(), LookupError), isinstance(IndexError(), LookupError))
