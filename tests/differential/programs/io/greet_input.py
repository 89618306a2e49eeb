# input() with a prompt: the prompt goes to stdout without a newline.
name = input("What is your name? ")
age = int(input("How old are you? "))
print()
print("Hello, %s! Next year you will be %d." % (name, age + 1))
print("name length:", len(name), "reversed:", name[::-1])
initials = name[0].upper()
decades = age // 10
print("initial:", initials, "decades:", decades)
print("in ten years:", age + 10)
