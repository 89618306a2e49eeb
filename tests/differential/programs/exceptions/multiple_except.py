# Handlers with tuples of exception types, and the first matching handler wins.
def trouble(kind):
    if kind == 0:
        return [][1]
    if kind == 1:
        return {}["x"]
    if kind == 2:
        return int("q")
    if kind == 3:
        return 1 / 0
    return "fine"

for kind in range(5):
    try:
        print(kind, trouble(kind))
    except (IndexError, KeyError) as e:
        print(kind, "lookup problem:", type(e).__name__)
    except (ValueError, ZeroDivisionError) as e:
        print(kind, "value problem:", type(e).__name__, e)

try:
    [][0]
except LookupError:
    print("LookupError caught IndexError")
except IndexError:
    print("never reached")
