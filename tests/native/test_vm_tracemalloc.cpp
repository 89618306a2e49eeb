// test_vm_tracemalloc.cpp — tracemalloc over the allocator's events (spec §14).
//
// Requested sizes of fresh objects (free lists hide some), snapshot statistics and
// compare_to by line, the size formatting of Statistic and StatisticDiff, start/stop errors.
// Generated expectations: the output of python3 (CPython 3.11.7) for each program, with
// PYTHONHASHSEED=0; every run also checks the heap's and allocator's invariants afterwards.

#include <catch2/catch.hpp>

#include "test_vm_support.hpp"

using refscope::testing::last_line;
using refscope::testing::run_python;

TEST_CASE("tracemalloc requests, statistics and formatting", "[vm][tracemalloc]") {
    auto r = run_python(R"PY(import tracemalloc

def cost(make):
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    obj = make()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return after - before

n = 3
print(cost(lambda: bytes(100)), cost(lambda: [None] * 1000), cost(lambda: 10 ** 100))
print(cost(lambda: "abc" * n), cost(lambda: "abc" * 50), cost(lambda: [n] * 10))

def stats():
    tracemalloc.start()
    first = tracemalloc.take_snapshot()
    words = [str(i) * 3 for i in range(2000)]
    blob = bytes(50000)
    second = tracemalloc.take_snapshot()
    tracemalloc.stop()
    base = stats.__code__.co_firstlineno
    for st in second.statistics('lineno')[:2]:
        print(st.traceback[0].lineno - base, st.size, st.count)
    for d in second.compare_to(first, 'lineno')[:2]:
        print(d.traceback[0].lineno - base, d.size_diff, d.count_diff)
    print(len(second.statistics('filename')) >= 1, second.traceback_limit)

stats()
tb = tracemalloc.Traceback((("f.py", 3), ("g.py", 9)))
print(tb, len(tb), tb[0], tb[1].lineno, repr(tb[0]))
print(tracemalloc.Statistic(tracemalloc.Traceback((("f.py", 3),)), 24780, 1001))
print(tracemalloc.Statistic(tracemalloc.Traceback((("f.py", 3),)), 692224, 10001))
print(tracemalloc.StatisticDiff(tracemalloc.Traceback((("f.py", 3),)), 400, 400, 1, 1))
print(tracemalloc.StatisticDiff(tracemalloc.Traceback((("f.py", 3),)), 0, -5000000, 0, -7))
print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory())
try:
    tracemalloc.take_snapshot()
except RuntimeError as e:
    print(e)
try:
    tracemalloc.start(0)
except ValueError as e:
    print(e)
tracemalloc.start(3)
tracemalloc.start(7)
print(tracemalloc.get_traceback_limit())
tracemalloc.stop()
)PY", false);
    CHECK(r.stdout_text == R"PY(133 8000 72
58 0 80
3 134798 2001
4 50033 1
3 134798 2001
4 50033 1
True 1
g.py:9 2 g.py:9 3 <Frame filename='g.py' lineno=9>
f.py:3: size=24.2 KiB, count=1001, average=25 B
f.py:3: size=676 KiB, count=10001, average=69 B
f.py:3: size=400 B (+400 B), count=1 (+1), average=400 B
f.py:3: size=0 B (-4883 KiB), count=0 (-7)
False (0, 0)
the tracemalloc module must be tracing memory allocations to take a snapshot
the number of frames must be in range [1; 65535]
3
)PY");
    CHECK(r.exit_status == 0);
}
