# An uncaught TypeError from calling a function with a missing argument.
def greet(greeting, name):
    return greeting + ", " + name

people = [("Hello", "Ada"), ("Hi", "Bob")]
for g, n in people:
    print(greet(g, n))
print("callable:", callable(greet))
partial = ("Hey",)
print("calling with", len(partial), "argument")
print(greet(*partial))
print("never printed")
