# printf-style % formatting.
print("%s is %d years" % ("ann", 31))
print("%5d|%-5d|%05d|%+d" % (42, 42, 42, 42))
print("%.2f|%8.3f|%-8.1f|%e|%g|%g" % (3.14159, 2.71828, 1.5, 12345.678, 0.0001, 1e20))
print("%x %X %o %#x %#o" % (255, 255, 8, 255, 8))
print("%r %s" % ("quoted", "plain"))
print("%c%c" % (72, "i"))
print("100%% sure, %d%%" % (50,))
print("%(name)s has %(count)03d" % {"name": "box", "count": 7})
print("%s" % [1, 2], "%s" % ((1, 2),))
print("%*d|%-*d|" % (6, 7, 4, 8))
print("%.3s" % "truncate")
try:
    print("%d" % "x")
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s %s" % ("one",))
except TypeError as e:
    print("TypeError:", e)
