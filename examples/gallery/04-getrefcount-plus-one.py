# title: Why sys.getrefcount says one more
# about: sys.getrefcount(x) reports one more than the references you can see: passing x as the
# about: argument puts it on the value stack for the duration of the call. An object that
# about: only one name refers to therefore shows 2.
# pause: 9 | One name refers to the list; getrefcount will report 2.
import sys

data = [1, 2, 3]
print(sys.getrefcount(data))
other = data
print(sys.getrefcount(data))
