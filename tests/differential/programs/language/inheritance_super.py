# Inheritance chains, method overriding, super() and the method resolution order.
class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return "..."
    def describe(self):
        return "%s says %s" % (self.name, self.speak())

class Dog(Animal):
    def speak(self):
        return "woof"

class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return super().speak() + " (squeaky)"

class A:
    def who(self):
        return ["A"]

class B(A):
    def who(self):
        return ["B"] + super().who()

class C(A):
    def who(self):
        return ["C"] + super().who()

class D(B, C):
    def who(self):
        return ["D"] + super().who()

for pet in [Animal("generic"), Dog("rex"), Puppy("bit", 1)]:
    print(pet.describe())
print(D().who())
print(B().who(), C().who())
print(isinstance(Puppy("x", 2), Animal), issubclass(D, C), issubclass(C, B))
