# Grade statistics with tuples, dicts, sorting and formatting.
students = [("ana", [88, 92, 79]), ("ben", [65, 70, 58]), ("cai", [95, 98, 100]), ("dev", [72, 81, 77])]

def letter(avg):
    for bound, grade in [(90, "A"), (80, "B"), (70, "C"), (60, "D")]:
        if avg >= bound:
            return grade
    return "F"

report = []
for name, scores in students:
    avg = sum(scores) / len(scores)
    report.append((name, avg, letter(avg)))
for name, avg, grade in sorted(report, key=lambda r: r[1], reverse=True):
    print(f"{name:>5} {avg:6.2f} {grade}")
grades = {}
for _, _, g in report:
    grades[g] = grades.get(g, 0) + 1
print(grades)
best = max(report, key=lambda r: r[1])
print("best: %s (%.1f)" % (best[0], best[1]))
all_scores = [s for _, sc in students for s in sc]
print("min/max/mean:", min(all_scores), max(all_scores), round(sum(all_scores) / len(all_scores), 3))
