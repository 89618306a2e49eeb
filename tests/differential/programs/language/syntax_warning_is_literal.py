# "is" with a literal, and an assert on a tuple: python3 warns at compile time (SyntaxWarning).
x = 1000
y = "text"
print("x is 1000:", x is 1000)
print("y is not 'text':", y is not "text")
print("singletons need no warning:", x is None, x is not True, x is ...)
print("names need no warning:", x is y)
assert (x, "always true")
def inner(a):
    return a is -1
print("inner(-1):", inner(-1))
print("chained, one warning:", x is 1 is 2)
