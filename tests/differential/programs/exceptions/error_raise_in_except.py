# An exception raised while handling another: the last stderr line is the new exception.
data = {"a": 1}

def fetch(key):
    try:
        return data[key]
    except KeyError:
        print("handling the missing key", repr(key))
        raise RuntimeError("could not recover " + key)

print(fetch("a"))
print(fetch("b"))
