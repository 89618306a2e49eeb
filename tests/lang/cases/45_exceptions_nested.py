def f():
    try:
        try:
            raise ValueError
        except ValueError:
            raise TypeError
    except TypeError as e:
        return e
    finally:
        pass
def g():
    for i in range(3):
        try:
            if i == 1:
                break
        finally:
            print(i)
print(f(), g())
