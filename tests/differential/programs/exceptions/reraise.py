# A bare raise re-raises the exception being handled.
log = []

def risky(n):
    if n % 2:
        raise ValueError("odd: %d" % n)
    return n

def wrapper(n):
    try:
        return risky(n)
    except ValueError:
        log.append("wrapper saw " + str(n))
        raise

for n in range(4):
    try:
        print("result", wrapper(n))
    except ValueError as e:
        print("outer caught", e)
print(log)
