# Nested dicts and lists as records: grouping, filtering, totals.
inventory = [
    {"name": "bolt", "kind": "hardware", "qty": 120, "price": 0.05},
    {"name": "nut", "kind": "hardware", "qty": 80, "price": 0.04},
    {"name": "glue", "kind": "supplies", "qty": 5, "price": 3.5},
    {"name": "tape", "kind": "supplies", "qty": 0, "price": 2.25},
    {"name": "saw", "kind": "tools", "qty": 2, "price": 19.99},
]
by_kind = {}
for item in inventory:
    by_kind.setdefault(item["kind"], []).append(item["name"])
print(by_kind)
value = {k: round(sum(i["qty"] * i["price"] for i in inventory if i["kind"] == k), 2) for k in by_kind}
print(value)
print("out of stock:", [i["name"] for i in inventory if i["qty"] == 0])
print("most valuable line:", max(inventory, key=lambda i: i["qty"] * i["price"])["name"])
for item in sorted(inventory, key=lambda i: (i["kind"], -i["price"])):
    print(f"{item['name']:<6}{item['kind']:>10}{item['qty']:>5}{item['price']:>8.2f}")
