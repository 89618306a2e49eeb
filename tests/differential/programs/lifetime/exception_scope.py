# The name bound by `except ... as e` is deleted when the except block ends; a saved exception
# forms a cycle with its traceback frame and waits for the collector.
import gc
gc.disable()
gc.collect()

class Resource:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("release", self.name)

class Failure(Exception):
    def __init__(self, resource):
        super().__init__("failed")
        self.resource = resource

def risky():
    raise Failure(Resource("in exception"))

try:
    risky()
except Failure as e:
    print("caught", e, "holding", e.resource.name)
print("after the except block")
try:
    print(e)
except NameError as err:
    print("NameError:", err)

def keep():
    try:
        risky()
    except Failure as exc:
        saved = exc
    print("saved:", saved.resource.name)
    return "returned"

print(keep())
print("nothing released yet; collecting")
print("found garbage:", gc.collect() > 0)
print("end")
