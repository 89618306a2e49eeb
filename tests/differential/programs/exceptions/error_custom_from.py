# An uncaught custom exception raised from another: the last stderr line names the custom one.
class ParseError(Exception):
    pass

def parse_port(text):
    try:
        return int(text)
    except ValueError as e:
        raise ParseError("invalid port %r" % text) from e

print(parse_port("8080"))
print(parse_port("eighty"))
