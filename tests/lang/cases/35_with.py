class CM:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return False
with CM() as c:
    print(c)
with CM():
    pass
with CM() as a, CM() as b:
    print(a, b)
def f():
    with CM() as c:
        return c
