# hash() of an instance whose __hash__ returns an int: the int itself when it fits a Py_hash_t
# (-1 becomes -2), the int's own hash when it does not; and a str-equal key in a dict or set
# with the same hash is compared through the instance's __eq__.
class H:
    def __init__(self, value):
        self.value = value

    def __hash__(self):
        return self.value


for value in [0, 1, -1, -2, 2**61 - 1, 2**61, 2**63 - 1, -2**63, 2**63, 2**70, -2**70, True]:
    print(repr(value), hash(H(value)), hash(H(value)) == hash(value))


class Text:
    seen = []

    def __init__(self, text):
        self.text = text

    def __hash__(self):
        return hash(self.text)

    def __eq__(self, other):
        Text.seen.append(other)
        return isinstance(other, str) and other == self.text


d = {"key": 1}
d[Text("key")] = 2
print(len(d), d["key"], Text.seen)
s = {"other"}
print(Text("other") in s, Text.seen)
