# Reading more lines than stdin provides ends with an uncaught EOFError.
answers = []
questions = ["first", "second", "third"]
print("asking", len(questions), "questions")
for question in questions:
    answer = input(question + ": ")
    answers.append(answer)
    print("got", repr(answer))
print("never printed", answers)
print("answers:", len(answers))
