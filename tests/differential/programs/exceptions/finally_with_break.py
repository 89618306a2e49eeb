# finally runs on break, continue and return; a return in finally swallows the exception.
def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "finally wins"

print(swallow())

def count():
    out = []
    for i in range(5):
        try:
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out

print(count())
n = 0
while True:
    try:
        n += 1
        if n < 3:
            continue
        break
    finally:
        print("finally, n =", n)
print("n:", n)
