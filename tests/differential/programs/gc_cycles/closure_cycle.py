# A recursive closure makes a cycle: function -> cell -> function (+ the closure tuple).
import gc
gc.disable()
gc.collect()

def make():
    def fact(n):
        return 1 if n <= 1 else n * fact(n - 1)
    return fact

f = make()
print("fact(10):", f(10))
del f
print("recursive closure:", gc.collect())

def make_plain():
    def inc(n):
        return n + 1
    return inc

g = make_plain()
del g
print("plain nested function, no cycle:", gc.collect())
