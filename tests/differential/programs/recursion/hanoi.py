# Towers of Hanoi: the recursive solution and its move count.
moves = []

def hanoi(n, source, target, spare):
    if n == 0:
        return
    hanoi(n - 1, source, spare, target)
    moves.append((n, source, target))
    hanoi(n - 1, spare, target, source)

hanoi(3, "A", "C", "B")
for disk, a, b in moves:
    print("move disk %d from %s to %s" % (disk, a, b))
for n in range(1, 11):
    moves.clear()
    hanoi(n, "A", "C", "B")
    print(n, "disks:", len(moves), "moves", len(moves) == 2 ** n - 1)
