# Defaults, *args, **kwargs, keyword-only parameters and argument errors.
def f(a, b=2, *args, c, d=4, **kwargs):
    return "a=%r b=%r args=%r c=%r d=%r kw=%r" % (a, b, args, c, d, sorted(kwargs.items()))

print(f(1, c=3))
print(f(1, 5, 6, 7, c=3, e=9, d=0))
print(f(c=1, a=0))

def kw_only(*, name, greeting="hi"):
    return greeting + " " + name

print(kw_only(name="ann"), kw_only(greeting="yo", name="bo"))

def defaults_evaluated_once(x, seen=[]):
    seen.append(x)
    return len(seen)

print(defaults_evaluated_once(1), defaults_evaluated_once(2))
for call in [lambda: f(), lambda: f(1), lambda: kw_only("x"), lambda: f(1, c=2, a=3),
             lambda: kw_only(name="a", extra=1)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)

def total(*nums, start=0):
    for n in nums:
        start += n
    return start

print(total(), total(1, 2, 3), total(1, 2, start=10))
