# Float repr, rounding, division, special values and conversions.
import math

print(0.1 + 0.2, 1 / 3, 2 / 3, 10 / 4, 7.0 // 2, -7.5 % 2)
print(1e16, 1e-5, 123456789.123, 1.5e300 * 1e10, -0.0)
print(float("inf"), -float("inf"), float("nan") != float("nan"))
print(round(3.14159, 2), round(2.675, 2), round(-1.5), round(0.5))
print(int(3.99), int(-3.99), float(7), float("  2.5 "), float("1e3"))
print(math.sqrt(2), math.pi, math.e)
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5))
print(math.isclose(0.1 + 0.2, 0.3), 0.1 + 0.2 == 0.3)
print(math.gcd(48, 18), math.factorial(20), math.hypot(3, 4))
print(math.log(math.e), math.log10(1000), math.log2(1024), math.exp(0))
print(math.sin(0), math.cos(0), math.fabs(-3), math.inf > 10 ** 300)
print(abs(-2.5), max(1.5, 2), min(-1, -1.0), sum([0.1] * 10))
print(2 ** 0.5, 10 ** -2, 2 ** -1, (-8) ** 2)
print(1.0 == 1, 1.5 > 1, hash(1.0) == hash(1))
print(divmod(7.5, 2), divmod(-7.5, 2), 7.5 // -2, float(10 ** 20), int(1e20))
