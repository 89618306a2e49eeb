# Some objects cannot be weakly referenced: ints, strs, tuples, lists and __slots__ without __weakref__.
import weakref

class WithSlots:
    __slots__ = ("x",)

class WithWeakSlot:
    __slots__ = ("x", "__weakref__")

def lst():
    return [1]

for label, make in [("int", lambda: 10 ** 10), ("str", lambda: "abc"), ("tuple", lambda: (1, 2)),
                    ("list", lst), ("dict", lambda: {}), ("slots", WithSlots), ("weak slot", WithWeakSlot),
                    ("function", lambda: lst), ("set", set)]:
    obj = make()
    try:
        weakref.ref(obj)
        print(label, "ok")
    except TypeError as e:
        print(label, "TypeError:", e)
