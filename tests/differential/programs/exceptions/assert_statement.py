# assert raises AssertionError with the optional message.
def check(x):
    assert x > 0, "x must be positive, got %d" % x
    return x * 2

print(check(3))
try:
    check(-1)
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert 1 == 2
except AssertionError as e:
    print("no message:", repr(e), e.args)
assert True, "never shown"
print("done")
