# Locals die when their function returns, unless something returned or stored them.
class Tracked:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  destroy", self.name)

kept = []

def work():
    local = Tracked("local")
    stored = Tracked("stored")
    result = Tracked("result")
    kept.append(stored)
    print("  leaving work()")
    return result

print("calling work()")
r = work()
print("back in module; r is", r.name)
print("dropping r")
r = None
print("clearing kept")
kept.clear()
print("done")
