# Arbitrary-precision ints: floor division and modulo signs, powers, bit operations.
print(7 // 2, -7 // 2, 7 // -2, -7 // -2)
print(7 % 3, -7 % 3, 7 % -3, -7 % -3)
print(divmod(17, 5), divmod(-17, 5))
print(2 ** 100)
print(3 ** 50 - 2 ** 70)
print(-(2 ** 64) // 3, (2 ** 64) % 1000007)
print(12345678901234567890 * 98765432109876543210)
print(1 << 70, (1 << 70) >> 65, 0b1011 & 0b0110, 0b1011 | 0b0110, 0b1011 ^ 0b0110, ~5)
print(-13 >> 2, -1 << 3)
print(int("ff", 16), int("-0o17", 0), int("  42  "), int("1_000"))
print(hex(255), oct(8), bin(10), hex(-42))
print(abs(-10 ** 30), pow(2, 10), pow(2, 100, 1000), pow(7, -1, 13))
print(round(2.5), round(3.5), round(-2.5), round(1234, -2), round(1250, -2))
x = 10 ** 40
x += 1
x *= 3
x -= 10 ** 40
print(x, len(bin(x)) - 2)
