# Set operators and comparisons of dict keys and items views (the result is a new set).
d = {"a": 1, "b": 2, "c": 3}
e = {"b": 20, "c": 30, "d": 40}
print(sorted(d.keys() & e.keys()), sorted(d.keys() | e.keys()), sorted(d.keys() - e.keys()), sorted(d.keys() ^ e.keys()))
print(sorted(d.keys() & {"a", "z"}), sorted({"a", "z"} & d.keys()), sorted(["x", "a"] | d.keys()))
print(sorted(d.items() & {("a", 1), ("b", 5)}), sorted(d.items() - {("a", 1)}))
print(d.keys() & [1, 2], type(d.keys() | set()).__name__)
s = {"q"}
s |= d.keys()
print(sorted(s))
k = d.keys()
print(k == {"a", "b", "c"}, k != {"a"}, k <= {"a", "b", "c", "d"})
try:
    d.values() & {1}
except TypeError as exc:
    print(exc)
