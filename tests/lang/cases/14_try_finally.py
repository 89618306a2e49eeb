def f():
    try:
        return 1
    finally:
        print("cleanup")

def g(x):
    try:
        x = 1
    except ValueError as e:
        x = 2
    else:
        x = 3
    finally:
        x = 4
    return x

try:
    print("a")
finally:
    print("b")
