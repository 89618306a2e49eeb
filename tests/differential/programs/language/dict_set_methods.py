# Common dict and set operations; dicts keep insertion order.
d = {"b": 2, "a": 1}
d["c"] = 3
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.get("z"), d.get("z", 0), d.pop("b"), d.setdefault("e", 5), d)
d.update({"a": 10, "f": 6})
d.update(g=7)
print(d)
print(d.popitem(), d)
del d["a"]
print(d, "c" in d, len(d))
print(dict.fromkeys("xy", 0), dict(zip("ab", [1, 2])), dict([("k", "v")]))
s = {1, 2, 3}
t = {3, 4}
print(s | t, s & t, s - t, s ^ t, s <= {1, 2, 3, 4}, s.isdisjoint({9}))
s.add(10)
s.discard(99)
s.remove(1)
print(sorted(s), sorted(s.union([7], [8])), sorted(s.intersection(t)))
fs = frozenset([1, 2])
print(fs | {3}, type(fs | {3}).__name__, fs == {1, 2}, {fs: "frozen key"}[frozenset({2, 1})])
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print(sorted(counts, key=counts.get, reverse=True))
