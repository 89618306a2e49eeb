// A few example programs for the picker (the gallery proper lives elsewhere). Each shows one
// thing about CPython's memory in a handful of lines.
export interface Example {
  id: string;
  title: string;
  source: string;
  stdin?: string;
}

export const EXAMPLES: Example[] = [
  {
    id: 'aliasing',
    title: 'Two names, one list',
    source: `a = [1, 2, 3]
b = a
b.append(4)
del a
print(b)
`,
  },
  {
    id: 'cycle',
    title: 'A cycle waits for the collector',
    source: `import gc

class Node:
    pass

x = Node()
y = Node()
x.other = y
y.other = x
del x, y
print("unreachable, still alive")
gc.collect()
print("collected")
`,
  },
  {
    id: 'small-ints',
    title: 'Cached small ints and interned strings',
    source: `a = 5
b = 5
print(a is b)
c = 1000
d = c + 1
s = "hello"
t = "hello"
print(s is t)
`,
  },
  {
    id: 'calls',
    title: 'Frames of a recursive call',
    source: `def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)

print(fact(5))
`,
  },
  {
    id: 'input',
    title: 'Reading input()',
    source: `name = input("Your name? ")
greeting = "Hello, " + name
print(greeting)
`,
    stdin: 'Ada\n',
  },
];
