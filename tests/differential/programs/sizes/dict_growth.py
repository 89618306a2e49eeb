# Dict sizes by number of keys, for str keys and for int keys.
import sys

def growth(make_key):
    d = {}
    last = sys.getsizeof(d)
    out = [(0, last)]
    for i in range(200):
        d[make_key(i)] = i
        size = sys.getsizeof(d)
        if size != last:
            out.append((len(d), size))
            last = size
    return out

print("str keys:", growth(lambda i: "k" + str(i)))
print("int keys:", growth(lambda i: i))
print("{}:", sys.getsizeof({}))
print("{'a': 1}:", sys.getsizeof({"a": 1}))
print("{1: 'a'}:", sys.getsizeof({1: "a"}))
print("dict(a=1, b=2):", sys.getsizeof(dict(a=1, b=2)))
