# A tree with parent pointers is a web of cycles; the collector frees it as one unit.
import gc
gc.disable()
gc.collect()

class TreeNode:
    def __init__(self, value, parent=None):
        self.value = value
        self.parent = parent
        self.children = []
        if parent is not None:
            parent.children.append(self)

def build(depth, parent=None):
    node = TreeNode(depth, parent)
    if depth > 0:
        build(depth - 1, node)
        build(depth - 1, node)
    return node

root = build(3)
print("nodes:", 2 ** 4 - 1)
print("leaf's root value:", root.children[0].children[0].children[0].parent.parent.parent.value)
del root
print("collected:", gc.collect())
