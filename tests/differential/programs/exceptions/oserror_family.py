# The OSError family and the warning classes exist as in CPython, with their hierarchy.
names = [PermissionError, FileExistsError, IsADirectoryError, NotADirectoryError,
         TimeoutError, InterruptedError, BlockingIOError, ChildProcessError,
         ProcessLookupError, ConnectionError, BrokenPipeError, ConnectionResetError,
         ConnectionRefusedError, ConnectionAbortedError, UnicodeTranslateError]
for cls in names:
    print(cls.__name__, [b.__name__ for b in cls.__mro__[1:]])
for w in [SyntaxWarning, FutureWarning, PendingDeprecationWarning, ImportWarning,
          UnicodeWarning, BytesWarning, ResourceWarning, EncodingWarning]:
    print(w.__name__, issubclass(w, Warning), issubclass(w, Exception))
try:
    raise PermissionError("not allowed")
except OSError as e:
    print("caught as OSError:", type(e).__name__, e)
try:
    raise BrokenPipeError("pipe")
except ConnectionError as e:
    print("caught as ConnectionError:", repr(e))
def check(n):
    if n < 0:
        raise TimeoutError("too slow: " + str(n))
    return n
try:
    check(-3)
except (PermissionError, TimeoutError) as e:
    print("tuple match:", e)
