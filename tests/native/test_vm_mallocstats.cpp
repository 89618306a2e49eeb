// test_vm_mallocstats.cpp — sys._debugmallocstats() printed by programs, in both profiles.
//
// What CPython cannot show deterministically (its own start-up allocations are in the way),
// the simulation must: a program prints the report, allocates or frees a known number of
// objects, and prints it again. The test parses both reports and checks the differences
// against numbers derived from the spec's geometry (spec §2, §4, §6, §9, §10.2) — never
// against numbers copied from refscope's own output:
//   1. every class row satisfies in use + avail == pools * NUMBLOCKS(class), where
//      NUMBLOCKS = (POOL_SIZE - 48) / block size;
//   2. N objects of one request size add exactly N blocks to that request's class (minus what
//      a free list supplied), and the pool count grows by exactly the pools the spec's
//      allocation order needs once the class's available blocks are used up;
//   3. freeing them all returns the class row to its earlier pools and blocks (empty pools
//      leave the table);
//   4. the accounting lines sum to arenas * ARENA_SIZE;
//   5. after rounds of filling and emptying several arenas, 3.11 keeps exactly one wholly
//      free arena (bpo-37257) while classic returns every one of them.
#include <catch2/catch.hpp>

#include <cstdint>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "test_vm_support.hpp"

using refscope::ProfileId;
using refscope::RunOptions;
using refscope::testing::run_python;

namespace {

// The spec's geometry (§2), written out here so the test does not read refscope's profiles.
struct Geometry {
    ProfileId id;
    const char* name;
    std::uint64_t alignment, pool_size, arena_size, classes, max_pools_per_arena;
    std::uint64_t block_of(std::uint64_t request) const { return ((request - 1) / alignment + 1) * alignment; }
    std::uint64_t index_of(std::uint64_t request) const { return (request - 1) / alignment; }
    std::uint64_t numblocks(std::uint64_t block) const { return (pool_size - 48) / block; }
};

const Geometry kModern{ProfileId::cpython_3_11, "3.11", 16, 16384, 1048576, 32, 64};
const Geometry kClassic{ProfileId::classic, "classic", 8, 4096, 262144, 64, 64};

struct Row {
    std::uint64_t size = 0, pools = 0, in_use = 0, avail = 0;
};

// One sys._debugmallocstats() report, parsed.
struct Report {
    std::string text;
    std::uint64_t classes = 0;
    std::map<std::uint64_t, Row> rows;                 // by class index
    std::map<std::string, std::uint64_t> values;       // printone lines, by label
    std::uint64_t free_floats = 0;                     // "N free PyFloatObjects ..."

    Row row(std::uint64_t index) const {
        auto it = rows.find(index);
        return it == rows.end() ? Row{} : it->second;
    }
    std::uint64_t value(const std::string& label) const {
        auto it = values.find(label);
        INFO("label: " << label);
        REQUIRE(it != values.end());
        return it->second;
    }
};

std::uint64_t digits_of(const std::string& s) {
    std::uint64_t v = 0;
    for (char c : s)
        if (c >= '0' && c <= '9') v = v * 10 + static_cast<std::uint64_t>(c - '0');
    return v;
}

Report parse_report(const std::string& text) {
    Report r;
    r.text = text;
    std::istringstream in(text);
    std::string line;
    bool in_table = false;
    while (std::getline(in, line)) {
        if (line.rfind("Small block threshold = 512, in ", 0) == 0) {
            r.classes = digits_of(line.substr(32, line.find(' ', 32) - 32));
        } else if (line.rfind("-----", 0) == 0) {
            in_table = true;
        } else if (in_table && !line.empty()) {
            std::istringstream fields(line);
            std::uint64_t index = 0;
            Row row;
            fields >> index >> row.size >> row.pools >> row.in_use >> row.avail;
            r.rows[index] = row;
        } else if (in_table) {
            in_table = false;
        } else if (line.size() > 36 && line[35] == '=') {
            std::string label = line.substr(0, 35);
            while (!label.empty() && label.back() == ' ') label.pop_back();
            // "N unused pools * S bytes" and "N arenas * S bytes/arena" carry a count in the label.
            if (label.find("unused pools") != std::string::npos) {
                r.values["unused pools"] = digits_of(label.substr(0, label.find(' ')));
                label = "unused pools bytes";
            } else if (label.find("bytes/arena") != std::string::npos) {
                label = "arenas bytes";
            }
            if (label == "Total" && r.values.count("Total")) label = "arena map Total";
            r.values[label] = digits_of(line.substr(36));
        } else if (line.find("free PyFloatObjects") != std::string::npos) {
            std::istringstream fields(line);
            fields >> r.free_floats;
        }
    }
    return r;
}

// Runs `source` (which calls sys._debugmallocstats() several times) and parses each report.
std::vector<Report> reports_of(const std::string& source, const Geometry& g) {
    RunOptions options;
    options.profile = g.id;
    auto result = run_python(source, false, options);
    INFO(result.stderr_text);
    REQUIRE(result.exit_status == 0);
    std::vector<Report> reports;
    const std::string marker = "Small block threshold";
    std::size_t at = result.stderr_text.find(marker);
    while (at != std::string::npos) {
        std::size_t next = result.stderr_text.find(marker, at + 1);
        reports.push_back(parse_report(result.stderr_text.substr(at, next == std::string::npos ? std::string::npos : next - at)));
        at = next;
    }
    return reports;
}

std::uint64_t ceil_div(std::uint64_t a, std::uint64_t b) { return (a + b - 1) / b; }

// Invariants 1 and 4 for one report.
void check_geometry(const Report& r, const Geometry& g) {
    CHECK(r.classes == g.classes);
    for (const auto& [index, row] : r.rows) {
        INFO("class " << index);
        CHECK(row.size == (index + 1) * g.alignment);
        CHECK(row.in_use + row.avail == row.pools * g.numblocks(row.size));
    }
    const std::uint64_t arenas = r.value("# arenas allocated current");
    CHECK(r.value("arenas bytes") == arenas * g.arena_size);
    CHECK(r.value("unused pools bytes") == r.value("unused pools") * g.pool_size);
    std::uint64_t pools = 0;
    for (const auto& [index, row] : r.rows) pools += row.pools;
    CHECK(r.value("# bytes lost to pool headers") == pools * 48);
    const std::uint64_t sum = r.value("# bytes in allocated blocks") + r.value("# bytes in available blocks") +
                              r.value("unused pools bytes") + r.value("# bytes lost to pool headers") +
                              r.value("# bytes lost to quantization") + r.value("# bytes lost to arena alignment");
    CHECK(sum == arenas * g.arena_size);
    CHECK(r.value("Total") == arenas * g.arena_size);
    CHECK(r.value("# arenas reclaimed") ==
          r.value("# arenas allocated total") - r.value("# arenas allocated current"));
    if (g.pool_size == 4096) CHECK(r.value("# bytes lost to arena alignment") == 0);   // spec §8
}

// Invariant 2: `added` new blocks of `block` bytes went into a class that had `before`.
void check_growth(const Row& before, const Row& after, std::uint64_t added, std::uint64_t numblocks) {
    CHECK(after.in_use == before.in_use + added);
    const std::uint64_t beyond = added > before.avail ? added - before.avail : 0;
    CHECK(after.pools == before.pools + ceil_div(beyond, numblocks));
}

// A loop over a list of Nones allocates no ints (a range would, above 256).
std::string strings_program(int n, int length) {
    return "import sys\n"
           "keep = []\n"
           "c = 'x'\n"
           "blank = [None] * " + std::to_string(n) + "\n"
           "item = None\n"
           "sys._debugmallocstats()\n"
           "for item in blank:\n"
           "    keep.append(c * " + std::to_string(length) + ")\n"
           "sys._debugmallocstats()\n"
           "keep.clear()\n"
           "sys._debugmallocstats()\n";
}

}  // namespace

TEST_CASE("_debugmallocstats from a program: N strings fill N blocks of their class", "[vm][mallocstats]") {
    // An ASCII str of n characters requests 49 + n bytes (spec §10.2). Length 30 -> 79 bytes:
    // the 80-byte class in both profiles (index 4 with 16-byte classes, 9 with 8-byte ones).
    // 5000 strings need ~25 pools of 204 (3.11) or 100 pools of 50 (classic).
    for (const Geometry* g : {&kModern, &kClassic}) {
        INFO("profile " << g->name);
        const std::uint64_t n = 5000, request = 49 + 30;
        const std::vector<Report> r = reports_of(strings_program(static_cast<int>(n), 30), *g);
        REQUIRE(r.size() == 3);
        for (const Report& report : r) check_geometry(report, *g);
        const std::uint64_t index = g->index_of(request);
        CHECK(g->block_of(request) == 80);
        check_growth(r[0].row(index), r[1].row(index), n, g->numblocks(80));
        // keep's item array went to malloc (5000 * 8 bytes > 512): no pymalloc class holds it.
        // Freeing every string empties the pools they took; empty pools leave the table.
        CHECK(r[2].row(index).in_use == r[0].row(index).in_use);
        CHECK(r[2].row(index).pools == r[0].row(index).pools);
    }
}

TEST_CASE("_debugmallocstats from a program: floats and the float free list", "[vm][mallocstats]") {
    // A float requests 24 bytes (spec §10.2): the 32-byte class (index 1) in 3.11, the 24-byte
    // class (index 2) in classic. New floats come from the free list first (spec §11.5), so
    // the class gains N minus what the free list gave.
    const std::string program =
        "import sys\n"
        "keep = []\n"
        "f = 0.0\n"
        "blank = [None] * 10000\n"
        "item = None\n"
        "sys._debugmallocstats()\n"
        "for item in blank:\n"
        "    f += 0.5\n"
        "    keep.append(f)\n"
        "sys._debugmallocstats()\n";
    for (const Geometry* g : {&kModern, &kClassic}) {
        INFO("profile " << g->name);
        const std::vector<Report> r = reports_of(program, *g);
        REQUIRE(r.size() == 2);
        for (const Report& report : r) check_geometry(report, *g);
        const std::uint64_t index = g->index_of(24);
        const std::uint64_t from_free_list = r[0].free_floats - r[1].free_floats;
        CHECK(r[0].free_floats >= r[1].free_floats);
        check_growth(r[0].row(index), r[1].row(index), 10000 - from_free_list, g->numblocks(g->block_of(24)));
        // The spec's cross-check (§4.1): 510 floats per 16 KiB pool, 168 per classic 4 KiB pool.
        CHECK(g->numblocks(g->block_of(24)) == (g->pool_size == 16384 ? 510u : 168u));
    }
}

TEST_CASE("_debugmallocstats from a program: requests above 512 bytes bypass pymalloc", "[vm][mallocstats]") {
    // A 600-character str requests 649 bytes: the system malloc serves it, so no class row and
    // no arena changes while 300 of them are kept (spec §1, routing rule 2).
    for (const Geometry* g : {&kModern, &kClassic}) {
        INFO("profile " << g->name);
        const std::vector<Report> r = reports_of(strings_program(300, 600), *g);
        REQUIRE(r.size() == 3);
        for (const Report& report : r) check_geometry(report, *g);
        CHECK(r[1].value("# bytes in allocated blocks") == r[0].value("# bytes in allocated blocks"));
        CHECK(r[1].value("# arenas allocated total") == r[0].value("# arenas allocated total"));
        CHECK(r[1].rows.size() == r[0].rows.size());
    }
}

TEST_CASE("_debugmallocstats from a program: 3.11 keeps one free arena, classic none", "[vm][mallocstats]") {
    // Three rounds of keeping 150,000 object()s (16 bytes each: 1021 per 3.11 pool -> 147
    // pools, more than two 1 MiB arenas; 253 per classic pool -> 593 pools, more than nine
    // 256 KiB arenas), then dropping them. Spec §6: when every pool of an arena is empty the
    // arena is returned, except (3.9+) the one at the tail of usable_arenas.
    const std::string program =
        "import sys\n"
        "blank = [None] * 150000\n"
        "keep = None\n"
        "item = None\n"
        "rounds = [None] * 3\n"
        "r = None\n"
        "sys._debugmallocstats()\n"
        "for r in rounds:\n"
        "    keep = [object() for item in blank]\n"
        "    sys._debugmallocstats()\n"
        "    keep = None\n"
        "sys._debugmallocstats()\n";
    for (const Geometry* g : {&kModern, &kClassic}) {
        INFO("profile " << g->name);
        const std::vector<Report> r = reports_of(program, *g);
        REQUIRE(r.size() == 5);
        for (const Report& report : r) check_geometry(report, *g);
        const Report& start = r[0];
        const Report& end = r[4];
        const std::uint64_t per_pool = g->numblocks(16);
        const std::uint64_t index = g->index_of(16);
        // While kept: the class holds all 150,000 (plus what it held before), and enough
        // arenas exist for their pools.
        const std::uint64_t pools_needed = ceil_div(150000, per_pool);
        for (int k = 1; k <= 3; ++k) {
            INFO("round " << k);
            CHECK(r[k].row(index).in_use == start.row(index).in_use + 150000);
            CHECK(r[k].value("# arenas allocated current") * g->max_pools_per_arena >= pools_needed);
        }
        const std::uint64_t current0 = start.value("# arenas allocated current");
        const std::uint64_t current = end.value("# arenas allocated current");
        const std::uint64_t allocated = end.value("# arenas allocated total") - start.value("# arenas allocated total");
        const std::uint64_t reclaimed = end.value("# arenas reclaimed") - start.value("# arenas reclaimed");
        CHECK(end.row(index).in_use == start.row(index).in_use);
        CHECK(end.value("# arenas highwater mark") >= current0 + ceil_div(pools_needed, g->max_pools_per_arena) - 1);
        if (g->id == ProfileId::cpython_3_11) {
            CHECK(current == current0 + 1);          // the one kept free arena
            CHECK(reclaimed == allocated - 1);
            // Rounds 2 and 3 reuse the kept arena: each allocates one arena fewer than round 1.
            const std::uint64_t round1 = r[1].value("# arenas allocated total") - start.value("# arenas allocated total");
            CHECK(allocated == round1 + 2 * (round1 - 1));
        } else {
            CHECK(current == current0);              // every free arena returned (<= 3.8)
            CHECK(reclaimed == allocated);
            const std::uint64_t round1 = r[1].value("# arenas allocated total") - start.value("# arenas allocated total");
            CHECK(allocated == 3 * round1);
        }
    }
}
