# Builtins outside refscope's subset still exist as names (calling them is what differs).
import builtins
for name in ["eval", "exec", "compile", "memoryview", "breakpoint", "help", "aiter",
             "anext", "open", "input", "print", "PermissionError", "SyntaxWarning"]:
    print(name, hasattr(builtins, name), callable(getattr(builtins, name)))
f = eval
print("a name bound to eval:", f is eval)
