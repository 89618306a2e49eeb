# A tic-tac-toe board: moves, winner detection and drawing.
def winner(board):
    lines = [[(r, c) for c in range(3)] for r in range(3)]
    lines += [[(r, c) for r in range(3)] for c in range(3)]
    lines.append([(i, i) for i in range(3)])
    lines.append([(i, 2 - i) for i in range(3)])
    for line in lines:
        values = {board[r][c] for r, c in line}
        if len(values) == 1 and " " not in values:
            return values.pop()
    return None

def draw(board):
    print("\n-+-+-\n".join("|".join(row) for row in board))

board = [[" "] * 3 for _ in range(3)]
moves = [(1, 1), (0, 0), (2, 2), (0, 2), (0, 1), (2, 1), (1, 0), (1, 2), (2, 0)]
player = "X"
for r, c in moves:
    board[r][c] = player
    w = winner(board)
    if w:
        print("winner:", w)
        break
    player = "O" if player == "X" else "X"
else:
    print("draw")
draw(board)
