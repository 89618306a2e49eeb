# globals(), locals() and vars() as views of namespaces.
counter = 1

def show_locals(a, b=2):
    c = a + b
    return sorted(locals().items())

print(show_locals(1))
g = globals()
g["injected"] = "via globals()"
print(injected)
print("counter" in g, g["counter"])

class Config:
    debug = False
    level = 3

print(sorted(k for k in vars(Config) if not k.startswith("__")))
obj = Config()
obj.level = 5
print(vars(obj), obj.debug, Config.level)
