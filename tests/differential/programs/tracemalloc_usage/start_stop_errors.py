# tracemalloc: traceback limit, snapshot errors when not tracing, argument checks.
import tracemalloc

print("tracing at start:", tracemalloc.is_tracing())
try:
    tracemalloc.take_snapshot()
except RuntimeError as e:
    print("RuntimeError:", e)
tracemalloc.start(5)
print("limit:", tracemalloc.get_traceback_limit())
tracemalloc.stop()
try:
    tracemalloc.start(0)
except ValueError as e:
    print("ValueError:", e)
tracemalloc.start()
print("default limit:", tracemalloc.get_traceback_limit())
tracemalloc.stop()
print("tracing at end:", tracemalloc.is_tracing())
