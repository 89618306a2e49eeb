# __del__ can resurrect an object by storing self; it is not called a second time.
import gc
gc.disable()
gc.collect()

graveyard = []

class Phoenix:
    calls = 0
    def __init__(self, name):
        self.name = name
    def __del__(self):
        Phoenix.calls += 1
        print("__del__ of", self.name, "call", Phoenix.calls)
        graveyard.append(self)

p = Phoenix("bird")
del p
print("graveyard holds:", [x.name for x in graveyard])
q = graveyard.pop()
print("popped", q.name)
del q
print("calls after second death:", Phoenix.calls)
print("graveyard:", len(graveyard))
