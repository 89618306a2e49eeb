# The empty tuple, empty frozenset and empty string are shared; empty lists are not.
empty = ()
print("() is tuple():", empty is tuple())
print("tuple([]) is ():", tuple([]) is empty)
print("(1, 2)[2:] is ():", (1, 2)[2:] is empty)
print("[] is list():", [] is list())
print("frozenset() is frozenset():", frozenset() is frozenset())
eb = b''
print("b'' is bytes():", eb is bytes())
t = (1, 2, 3)
print("t[:] is t:", t[:] is t)
print("tuple(t) is t:", tuple(t) is t)
l = [1, 2, 3]
print("list(l) is l:", list(l) is l)
fs = frozenset([1, 2])
print("frozenset(fs) is fs:", frozenset(fs) is fs)
w = "abc" * int("2")
print("str(w) is w:", str(w) is w)
