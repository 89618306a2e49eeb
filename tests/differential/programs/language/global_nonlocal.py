# Scopes: local, enclosing, global and builtin; global and nonlocal declarations.
x = "global x"

def read_global():
    return x

def shadow():
    x = "local x"
    return x

def change_global():
    global x
    x = "changed by function"

def outer():
    y = "outer y"
    def inner():
        nonlocal y
        y = "changed by inner"
    inner()
    return y

print(read_global(), "|", shadow(), "|", x)
change_global()
print(x)
print(outer())

def unbound():
    try:
        print(x)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    x = 1

unbound()
def len(obj):
    return "shadowed builtin"
print(len([1, 2]))
del len
print(len([1, 2]))
print("function in globals:", "read_global" in globals(), sorted(k for k in locals() if k.startswith("read")))
