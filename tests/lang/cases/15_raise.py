def f(x):
    if x:
        raise ValueError("bad")
    raise
try:
    f(1)
except ValueError as e:
    try:
        raise TypeError("t") from e
    except TypeError:
        pass
assert 1 == 1
assert 1, "message"
