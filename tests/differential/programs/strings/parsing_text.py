# Parsing a small CSV-like text: split lines and fields, convert, aggregate.
data = """name,dept,salary
ada,eng,120
bob,ops,90
cy,eng,110
di,sales,70
eve,ops,95"""

lines = data.split("\n")
header = lines[0].split(",")
records = []
for line in lines[1:]:
    fields = line.split(",")
    record = dict(zip(header, fields))
    record["salary"] = int(record["salary"])
    records.append(record)
print(header, len(records))
by_dept = {}
for r in records:
    by_dept.setdefault(r["dept"], []).append(r["salary"])
for dept in sorted(by_dept):
    vals = by_dept[dept]
    print("%-6s n=%d avg=%.1f max=%d" % (dept, len(vals), sum(vals) / len(vals), max(vals)))
top = sorted(records, key=lambda r: -r["salary"])[:2]
print([r["name"] for r in top])
print(",".join(header).upper())
