# Module-level names are looked up in the module's dict (as locals), then again in it (as
# globals), then in the builtins (LOAD_NAME). A key that is not a str, with the hash of a name
# and an __eq__ of its own, is compared at each of those searches: the count of comparisons
# shows that every search happens.
class OddKey:
    comparisons = 0

    def __init__(self, text):
        self.text = text

    def __hash__(self):
        return hash(self.text)

    def __eq__(self, other):
        OddKey.comparisons += 1
        return False


print(len("abc"), OddKey.comparisons)
globals()[OddKey("len")] = "not the builtin"
print(len("abcd"), OddKey.comparisons)
x = 5
globals()[OddKey("x")] = "shadow?"
print(x, OddKey.comparisons)
print(str(x), OddKey.comparisons)


def inside():
    return len("ab"), OddKey.comparisons


print(inside())
