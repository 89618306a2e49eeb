# title: When __del__ runs
# about: Reference counting frees an object the moment its count reaches zero, so __del__ runs
# about: right at the `del` (or when a name is rebound, or a function returns). Objects in a
# about: cycle only die when the collector runs; since Python 3.4 their finalizers run then.
# pause: 17 | The last reference to a went away: __del__ ran at once.
# pause: 23 | b and c refer to each other: del did not free them.
import gc

class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

a = Noisy("a")
del a
print("after del a")
b = Noisy("b")
c = Noisy("c")
b.other = c
c.other = b
del b, c
print("after del b, c")
print("collected", gc.collect())
