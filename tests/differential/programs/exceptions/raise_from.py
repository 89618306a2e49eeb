# raise ... from ... sets __cause__; raising inside except sets __context__.
class ConfigError(Exception):
    pass

def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError("bad number: " + text) from e

try:
    parse("x")
except ConfigError as e:
    print("caught:", e)
    print("cause type:", type(e.__cause__).__name__)
    print("cause:", e.__cause__)
    print("context is the cause too:", e.__context__ is e.__cause__)

try:
    try:
        {}["k"]
    except KeyError:
        raise RuntimeError("while handling")
except RuntimeError as e:
    print("context type:", type(e.__context__).__name__, "cause:", e.__cause__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("clean") from None
except ValueError as e:
    print("from None: cause", e.__cause__, "context kept:", type(e.__context__).__name__)
