# The order in which try, except, else and finally blocks run.
def attempt(x):
    try:
        print("  try", x)
        result = 10 // x
    except ZeroDivisionError as e:
        print("  except:", e)
        return "failed"
    else:
        print("  else, result", result)
        return "ok"
    finally:
        print("  finally")

print(attempt(2))
print(attempt(0))

def finally_overrides():
    try:
        return "from try"
    finally:
        print("  finally runs before the return completes")

print(finally_overrides())
for i in range(3):
    try:
        if i == 1:
            continue
        print("  loop body", i)
    finally:
        print("  loop finally", i)
