s = "hello"
t = s.upper().lower()
u = s + " " + "world"
v = "%s and %d" % ("a", 1)
w = "a,b".split(",")
x = '''triple
quoted'''
y = """with "quotes" and 'single'"""
z = "\x00\x7f\u1234"
print(s, t, u, v, w, x, y, z)
