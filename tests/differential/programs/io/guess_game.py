# A number-guessing game driven by stdin, with a fixed secret.
secret = 37
tries = 0
while True:
    text = input("guess> ")
    tries += 1
    if not text.isdigit():
        print("not a number:", repr(text))
        continue
    guess = int(text)
    if guess < secret:
        print("too low")
    elif guess > secret:
        print("too high")
    else:
        print("correct after", tries, "tries")
        break
