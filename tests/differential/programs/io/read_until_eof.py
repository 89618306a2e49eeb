# Reading lines until EOFError, counting words and characters like wc.
lines = []
while True:
    try:
        lines.append(input())
    except EOFError:
        break
words = sum(len(line.split()) for line in lines)
chars = sum(len(line) + 1 for line in lines)
print("lines:", len(lines), "words:", words, "chars:", chars)
longest = max(lines, key=len)
print("longest line:", repr(longest))
for i, line in enumerate(lines, 1):
    print("%2d: %s" % (i, line.upper()))
