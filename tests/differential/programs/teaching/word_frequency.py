# Counting words in a text with a dict, then ranking them.
text = """the quick brown fox jumps over the lazy dog
the dog barks and the fox runs
a quick fox is a happy fox"""

counts = {}
for line in text.split("\n"):
    for word in line.split():
        counts[word] = counts.get(word, 0) + 1
print("distinct words:", len(counts))
ranking = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
for word, n in ranking[:5]:
    print("%-6s %d %s" % (word, n, "*" * n))
lengths = {}
for word in counts:
    lengths.setdefault(len(word), []).append(word)
for length in sorted(lengths):
    print(length, sorted(lengths[length]))
