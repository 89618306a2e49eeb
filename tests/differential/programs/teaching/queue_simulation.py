# A deterministic bank-queue simulation with a hand-written pseudo-random generator.
class LCG:
    def __init__(self, seed):
        self.state = seed
    def next(self, n):
        self.state = (self.state * 1103515245 + 12345) % 2 ** 31
        return (self.state >> 16) % n

rng = LCG(42)
queue = []
served = []
clock = 0
for tick in range(20):
    if rng.next(3) < 2:
        queue.append(("c%d" % tick, tick))
    if queue and rng.next(2) == 0:
        name, arrived = queue.pop(0)
        served.append((name, tick - arrived))
print("served:", len(served), "waiting:", len(queue))
print("waits:", [w for _, w in served])
print("average wait: %.2f" % (sum(w for _, w in served) / len(served)))
print("longest:", max(served, key=lambda s: s[1]))
