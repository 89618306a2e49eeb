# f-strings with expressions, conversions and format specs.
name = "refscope"
n = 42
pi = 3.14159265
items = [1, 2, 3]
print(f"{name} {n} {pi}")
print(f"{name!r} {name!s} {n!r}")
print(f"{n:5d}|{n:<5d}|{n:^5d}|{n:>5}|{n:05d}|{n:+d}")
print(f"{pi:.2f}|{pi:10.3f}|{pi:<10.1f}|{pi:e}|{pi:.3g}|{pi:%}")
print(f"{255:x} {255:X} {255:#x} {255:o} {255:b} {255:#010b}")
print(f"{1234567:,} {1234567.891:,.2f} {1234567:_}")
print(f"{name:*^14} {name:>12} {name:.3}")
print(f"{items} {items[1]} {len(items)} {sum(items) / len(items):.1f}")
print(f"{'nested'!r:>10}")
width, prec = 10, 3
print(f"{pi:{width}.{prec}f}|")
print(f"{{literal braces}} {n * 2} {n > 40} {'yes' if n else 'no'}")
print(f"{-0.5:.0f} {0.5:.0f} {1.5:.0f} {2.675:.2f}")
print(f"{n=}", f"{pi=:.2f}")
