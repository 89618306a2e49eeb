# title: An arena goes back to the operating system
# about: pymalloc gets memory from the OS in arenas (1 MiB in 3.11, 256 KiB in the classic
# about: model) and returns an arena only when every pool in it is empty. Creating many small
# about: objects fills new arenas; freeing all of them empties those arenas, and they are
# about: released (3.11 keeps one empty arena in reserve).
# pause: 9 | Several arenas are in use.
# pause: 11 | Everything was freed: the extra arenas went back to the OS.
data = [(i, i) for i in range(40000)]
print(len(data))
del data
print("freed")
