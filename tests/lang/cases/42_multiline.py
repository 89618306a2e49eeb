result = (1 +
          2 +
          3)
values = [
    1,
    2,
    3,
]
def f(a,
      b):
    return (a
            and b)
print(result,
      values,
      f(1,
        2))
obj = "x"
r = obj.upper(
).lower()
