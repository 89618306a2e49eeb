# Singletons and small ints have huge counts in 3.11: compare, never print them.
import sys

print("None > 1000:", sys.getrefcount(None) > 1000)
print("True > 100:", sys.getrefcount(True) > 100)
print("small int 1 > 10**9:", sys.getrefcount(1) > 10 ** 9)
print("empty tuple > 10**9:", sys.getrefcount(()) > 10 ** 9)
print("empty str > 10**9:", sys.getrefcount('') > 10 ** 9)
before = sys.getrefcount(None)
holder = [None] * 10
print("10 more slots hold None:", sys.getrefcount(None) - before)
del holder
print("released:", sys.getrefcount(None) - before)
b1 = sys.getrefcount(7)
sevens = [7] * 25
print("25 slots hold 7:", sys.getrefcount(7) - b1)
big = int("1" + "0" * 20)
print("big int is ordinary:", sys.getrefcount(big))
