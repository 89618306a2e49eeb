# An uncaught RecursionError: maximum recursion depth exceeded.
import sys

def countdown(n):
    if n == 0:
        return "done"
    return countdown(n - 1)

print("limit:", sys.getrecursionlimit())
print(countdown(10))
print(countdown(500))
print(countdown(-1))
