# The sieve of Eratosthenes, prime factorisation and gcd.
def sieve(n):
    is_prime = [True] * (n + 1)
    is_prime[0] = is_prime[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if is_prime[i]:
            is_prime[i * i::i] = [False] * len(range(i * i, n + 1, i))
    return [i for i, p in enumerate(is_prime) if p]

def factorize(n):
    factors = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            factors.append(d)
            n //= d
        d += 1
    if n > 1:
        factors.append(n)
    return factors

def gcd(a, b):
    while b:
        a, b = b, a % b
    return a

primes = sieve(100)
print(len(primes), primes)
print("primes below 10000:", len(sieve(10000)))
for n in [360, 97, 1001, 2 ** 20 - 1]:
    print(n, factorize(n))
print("gcd(1071, 462):", gcd(1071, 462))
