# A stack and a queue built on lists; balanced-brackets checker.
class Stack:
    def __init__(self):
        self.items = []
    def push(self, x):
        self.items.append(x)
    def pop(self):
        return self.items.pop()
    def peek(self):
        return self.items[-1]
    def empty(self):
        return not self.items

def balanced(text):
    pairs = {")": "(", "]": "[", "}": "{"}
    s = Stack()
    for ch in text:
        if ch in "([{":
            s.push(ch)
        elif ch in pairs:
            if s.empty() or s.pop() != pairs[ch]:
                return False
    return s.empty()

for t in ["(a[b]{c})", "((]", "", "{[()()]}", "(()"]:
    print(repr(t), balanced(t))

queue = []
for job in ["a", "b", "c"]:
    queue.append(job)
while queue:
    job = queue.pop(0)
    print("processing", job, "remaining", queue)
