# title: Cycles survive del; the collector frees them
# about: A list that contains itself, or two lists that refer to each other, keep each
# about: other's reference counts above zero after the last name is deleted. Reference counting
# about: alone never frees them: they stay in memory, unreachable, until the cyclic garbage
# about: collector finds them. gc.collect() returns how many objects it found unreachable.
# pause: 13 | The self-referencing list: refcount 2 (the name and its own slot).
# pause: 18 | After del: nothing can reach these lists, yet they are still alive.
import gc
gc.disable()

me = []
me.append(me)
a = [1]
b = [2]
a.append(b)
b.append(a)
del me, a, b
print("collected", gc.collect())
print("again", gc.collect())
