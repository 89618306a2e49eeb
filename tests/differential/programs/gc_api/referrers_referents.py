# gc.get_referents and gc.get_referrers show the edges of the object graph.
import gc
gc.disable()
gc.collect()

a = [1, 2]
b = [a, a]
c = {"key": a}
refs = gc.get_referrers(a)
print("b refers to a:", any(r is b for r in refs))
print("c refers to a:", any(r is c for r in refs))
print("module globals refer to a:", any(r is globals() for r in refs))
print("referents of b:", len(gc.get_referents(b)), all(x is a for x in gc.get_referents(b)))
print("referents of c:", sorted(repr(x) for x in gc.get_referents(c)))
print("referents of a, in traverse order:", gc.get_referents(a))
t = (a, "s", 3)
print("referents of tuple:", [x is a for x in gc.get_referents(t)])

class K:
    pass

k = K()
k.attr = a
print("instance refers to a:", any(r is k for r in gc.get_referrers(a)))
print("type(k) among referents of k:", any(r is K for r in gc.get_referents(k)))
