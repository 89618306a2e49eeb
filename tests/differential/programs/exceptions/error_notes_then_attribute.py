# Exception notes (3.11 add_note), then an uncaught AttributeError with CPython's suggestion.
e = ValueError("bad value")
e.add_note("first note")
e.add_note("second note")
print(e.__notes__)
try:
    raise e
except ValueError as caught:
    print(caught is e, caught.__notes__)
print(hasattr(KeyError("k"), "__notes__"))
class Box:
    def __init__(self):
        self.value = 1
print(Box().valeu)
