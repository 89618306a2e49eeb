# title: Reference counts of a list as it is shared
# about: Every name, argument, container slot and value-stack entry that refers to an object
# about: adds one to its reference count. Watch `numbers` gain references as it is aliased,
# about: passed to a function and stored in another list, and lose them as they go away.
# pause: 16 | numbers and alias: two names, one list.
# pause: 11 | Inside show: the parameter seq is one more reference.
# pause: 21 | alias and holder are gone: back to one name.
import sys

def show(seq):
    return sys.getrefcount(seq)

numbers = [1, 2, 3]
print(sys.getrefcount(numbers))
alias = numbers
print(sys.getrefcount(numbers))
print(show(numbers))
holder = [numbers, numbers]
print(sys.getrefcount(numbers))
del alias, holder
print(sys.getrefcount(numbers))
