# A binary search tree: insert, search, traversals, height.
class Tree:
    def __init__(self, key):
        self.key = key
        self.left = None
        self.right = None

def insert(root, key):
    if root is None:
        return Tree(key)
    if key < root.key:
        root.left = insert(root.left, key)
    elif key > root.key:
        root.right = insert(root.right, key)
    return root

def inorder(node):
    return inorder(node.left) + [node.key] + inorder(node.right) if node else []

def preorder(node):
    return [node.key] + preorder(node.left) + preorder(node.right) if node else []

def height(node):
    return 0 if node is None else 1 + max(height(node.left), height(node.right))

def contains(node, key):
    while node is not None:
        if key == node.key:
            return True
        node = node.left if key < node.key else node.right
    return False

root = None
for k in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65]:
    root = insert(root, k)
print("inorder:", inorder(root))
print("preorder:", preorder(root))
print("height:", height(root))
print("contains 45, 55:", contains(root, 45), contains(root, 55))
