try:
    x = 1 / 0
except ZeroDivisionError:
    x = 0
try:
    y = int("a")
except (ValueError, TypeError) as e:
    print(e)
except Exception:
    pass
else:
    print("ok")
try:
    raise KeyError("k")
except:
    print("bare")
print(x)
