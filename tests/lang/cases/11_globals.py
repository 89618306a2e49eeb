count = 0
def bump():
    global count
    count += 1
def read():
    return count
def make():
    global made
    made = 1
bump()
print(read())
