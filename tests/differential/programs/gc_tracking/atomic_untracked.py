# Atomic objects (ints, floats, strings, None, object()) are never tracked by the collector.
import gc

def show(label, obj):
    print(label, gc.is_tracked(obj))

show("1:", 1)
show("10**30:", 10 ** 30)
show("1.5:", 1.5)
show("'abc':", 'abc')
show("b'x':", b'x')
show("None:", None)
show("True:", True)
show("object():", object())
show("range(3):", range(3))
show("int (type):", int)
show("():", ())
