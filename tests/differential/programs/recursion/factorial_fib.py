# Classic recursive functions: factorial, Fibonacci with and without memoisation.
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

calls = 0
def fib_counted(n):
    global calls
    calls += 1
    return n if n < 2 else fib_counted(n - 1) + fib_counted(n - 2)

memo = {}
def fib_memo(n):
    if n in memo:
        return memo[n]
    result = n if n < 2 else fib_memo(n - 1) + fib_memo(n - 2)
    memo[n] = result
    return result

print([fact(i) for i in range(10)])
print(fact(30))
print([fib(i) for i in range(15)])
print(fib_counted(20), "calls:", calls)
print(fib_memo(90), "memo size:", len(memo))
