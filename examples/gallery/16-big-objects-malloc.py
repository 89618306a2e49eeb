# title: Big objects go to malloc
# about: pymalloc serves requests up to 512 bytes. Anything bigger (a long string, a list's
# about: large item array) goes to the system malloc instead and never appears in a pool.
# pause: 9 | The long string's 10 kB went to malloc; the short one sits in a pool.
import sys

small = "x" * 10
big = "x" * 10000
print(sys.getsizeof(small), sys.getsizeof(big))
many = [None] * 1000
print(sys.getsizeof(many))
