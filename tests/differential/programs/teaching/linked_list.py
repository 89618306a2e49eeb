# A singly linked list class: push, append, find, remove, reverse, iterate.
class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next

class LinkedList:
    def __init__(self):
        self.head = None
        self.size = 0
    def push(self, value):
        self.head = Node(value, self.head)
        self.size += 1
    def append(self, value):
        node = Node(value)
        if self.head is None:
            self.head = node
        else:
            cur = self.head
            while cur.next is not None:
                cur = cur.next
            cur.next = node
        self.size += 1
    def remove(self, value):
        prev, cur = None, self.head
        while cur is not None:
            if cur.value == value:
                if prev is None:
                    self.head = cur.next
                else:
                    prev.next = cur.next
                self.size -= 1
                return True
            prev, cur = cur, cur.next
        return False
    def reverse(self):
        prev, cur = None, self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev
    def __iter__(self):
        cur = self.head
        while cur:
            yield cur.value
            cur = cur.next
    def __repr__(self):
        return " -> ".join(str(v) for v in self) or "(empty)"

ll = LinkedList()
for v in [3, 1, 4]:
    ll.append(v)
ll.push(0)
print(ll, "size", ll.size)
print("remove 1:", ll.remove(1), "remove 9:", ll.remove(9))
ll.reverse()
print(ll, "size", ll.size, "sum", sum(ll))
