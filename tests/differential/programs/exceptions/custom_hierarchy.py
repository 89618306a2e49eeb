# User-defined exception classes: inheritance decides which handler catches.
class AppError(Exception):
    pass

class NotFound(AppError):
    def __init__(self, key):
        super().__init__("not found: " + key)
        self.key = key

class Invalid(AppError):
    pass

def lookup(key):
    if key == "bad":
        raise Invalid("invalid key")
    if key != "ok":
        raise NotFound(key)
    return 42

for key in ["ok", "missing", "bad"]:
    try:
        print(key, "->", lookup(key))
    except NotFound as e:
        print(key, "-> NotFound", e.key, e.args)
    except AppError as e:
        print(key, "-> AppError", type(e).__name__, e)
print(issubclass(NotFound, AppError), issubclass(NotFound, Exception), isinstance(Invalid("x"), NotFound))
print(repr(NotFound("z")), str(Invalid("why")))
