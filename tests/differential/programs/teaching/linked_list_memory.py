# Memory view of a linked list: nodes freed when unlinked; a doubly linked list needs the collector.
import gc
gc.disable()
gc.collect()

class Node:
    count = 0
    def __init__(self, value):
        self.value = value
        self.next = None
        self.prev = None
        Node.count += 1
    def __del__(self):
        Node.count -= 1

head = Node(0)
cur = head
for i in range(1, 10):
    cur.next = Node(i)
    cur = cur.next
del cur
print("singly linked nodes alive:", Node.count)
head.next.next = head.next.next.next.next
print("after unlinking two nodes:", Node.count)
head = None
print("after dropping head:", Node.count)

head = Node(0)
cur = head
for i in range(1, 10):
    nxt = Node(i)
    cur.next = nxt
    nxt.prev = cur
    cur = nxt
del cur, nxt
head = None
print("doubly linked after dropping head:", Node.count)
print("gc.collect found:", gc.collect())
print("alive after collect:", Node.count)
