# A generator's locals live while it is suspended and die when it finishes or is dropped.
class Tracked:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  destroy", self.name)

def producer():
    resource = Tracked("generator local")
    for i in range(3):
        yield i
    print("  generator body finished")

g = producer()
print("created (body not started, nothing allocated yet)")
print("next ->", next(g))
print("next ->", next(g))
print("exhausting")
for rest in g:
    print("rest ->", rest)
print("after the loop")
g2 = producer()
print("next ->", next(g2))
print("rebinding g2 drops the suspended generator")
g2 = None
print("end")
