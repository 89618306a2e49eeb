import math
import os.path
import os.path as osp
from math import sqrt, pi as PI
from collections import (OrderedDict,
                         defaultdict)
def f():
    import sys
    return sys.argv
print(math.sqrt(4), sqrt(9), PI)
