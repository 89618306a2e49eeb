# Aliasing: two names for one list see each other's changes; copies do not.
original = [1, 2, 3]
alias = original
copy = original[:]
alias.append(4)
print("original:", original)
print("alias:", alias)
print("copy:", copy)

grid = [[0] * 3] * 3
grid[0][0] = 1
print("[[0] * 3] * 3 after grid[0][0] = 1:", grid)
grid = [[0] * 3 for _ in range(3)]
grid[0][0] = 1
print("comprehension grid:", grid)

def modify(lst):
    lst.append("changed")

def rebind(lst):
    lst = ["new"]
    return lst

data = ["x"]
modify(data)
print("after modify:", data)
rebind(data)
print("after rebind:", data)
