# Bubble, insertion, selection and quick sort, checked against sorted().
def bubble(xs):
    xs = xs[:]
    n = len(xs)
    swaps = 0
    for i in range(n):
        for j in range(n - 1 - i):
            if xs[j] > xs[j + 1]:
                xs[j], xs[j + 1] = xs[j + 1], xs[j]
                swaps += 1
    return xs, swaps

def insertion(xs):
    xs = xs[:]
    for i in range(1, len(xs)):
        key = xs[i]
        j = i - 1
        while j >= 0 and xs[j] > key:
            xs[j + 1] = xs[j]
            j -= 1
        xs[j + 1] = key
    return xs

def selection(xs):
    xs = xs[:]
    for i in range(len(xs)):
        m = min(range(i, len(xs)), key=lambda k: xs[k])
        xs[i], xs[m] = xs[m], xs[i]
    return xs

def quick(xs):
    if len(xs) <= 1:
        return xs
    pivot, *rest = xs
    return quick([x for x in rest if x < pivot]) + [pivot] + quick([x for x in rest if x >= pivot])

data = [5, 2, 9, 1, 5, 6, -3, 0, 12, 7]
result, swaps = bubble(data)
print("bubble:", result, "swaps:", swaps)
print("insertion:", insertion(data))
print("selection:", selection(data))
print("quick:", quick(data))
print("all agree:", result == insertion(data) == selection(data) == quick(data) == sorted(data))
print("data untouched:", data)
