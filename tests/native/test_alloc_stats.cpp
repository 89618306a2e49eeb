// sys._debugmallocstats() text (spec §9) and the measured cross-checks of spec §4.1.
#include <catch2/catch.hpp>

#include <random>
#include <sstream>

#include "test_alloc_support.hpp"

using namespace refscope;
using namespace refscope::alloc;
using namespace refscope::alloc::testing;

namespace {

// The value of a printone line ("label   =   1,234"), or -1 when the label is absent.
std::int64_t value_of(const std::string& text, const std::string& label) {
    std::istringstream in(text);
    std::int64_t found = -1;
    for (std::string line; std::getline(in, line);) {
        if (line.size() != 57 || line[35] != '=' || line.compare(0, label.size(), label) != 0) {
            continue;
        }
        std::string digits;
        for (char c : line.substr(36)) {
            if (c >= '0' && c <= '9') digits += c;
        }
        found = std::stoll(digits);
    }
    return found;
}

struct ClassRow {
    std::uint32_t index, size;
    std::uint64_t pools, in_use, avail;
};

std::vector<ClassRow> class_rows(const std::string& text) {
    std::vector<ClassRow> rows;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line) && line.rfind("-----", 0) != 0) {
    }
    while (std::getline(in, line) && !line.empty()) {
        std::istringstream fields(line);
        ClassRow r{};
        fields >> r.index >> r.size >> r.pools >> r.in_use >> r.avail;
        rows.push_back(r);
    }
    return rows;
}

}  // namespace

TEST_CASE("_debugmallocstats, 3.11: a scripted scenario, line by line", "[alloc][stats]") {
    auto a = checked(ProfileId::cpython_3_11);
    allocate(*a, 106, 16);
    allocate(*a, 11181, 24);   // floats
    allocate(*a, 50, 512);
    // Pools: 1 + 22 + 2 = 25 of the first arena's 63. Blocks: 106*16 + 11181*32 + 50*512;
    // available: 915*16 + 39*32 + 12*512; headers 25*48; tail waste 0 + 22*16 + 2*464.
    const std::string expected =
        "Small block threshold = 512, in 32 size classes.\n"
        "\n"
        "class   size   num pools   blocks in use  avail blocks\n"
        "-----   ----   ---------   -------------  ------------\n"
        "    0     16           1             106           915\n"
        "    1     32          22           11181            39\n"
        "   31    512           2              50            12\n"
        "\n"
        "# arenas allocated total           =                    1\n"
        "# arenas reclaimed                 =                    0\n"
        "# arenas highwater mark            =                    1\n"
        "# arenas allocated current         =                    1\n"
        "1 arenas * 1048576 bytes/arena     =            1,048,576\n"
        "\n"
        "# bytes in allocated blocks        =              385,088\n"
        "# bytes in available blocks        =               22,032\n"
        "38 unused pools * 16384 bytes      =              622,592\n"
        "# bytes lost to pool headers       =                1,200\n"
        "# bytes lost to quantization       =                1,280\n"
        "# bytes lost to arena alignment    =               16,384\n"
        "Total                              =            1,048,576\n"
        "\n"
        "arena map counts\n"
        "# arena map mid nodes              =                    1\n"
        "# arena map bot nodes              =                    1\n"
        "\n"
        "# bytes lost to arena map root     =              262,144\n"
        "# bytes lost to arena map mid      =              262,144\n"
        "# bytes lost to arena map bot      =              131,072\n"
        "Total                              =              655,360\n";
    CHECK(a->debug_malloc_stats() == expected);
}

TEST_CASE("_debugmallocstats, classic: 64 classes, no arena map section", "[alloc][stats]") {
    auto a = checked(ProfileId::classic);
    allocate(*a, 10000, 24);   // floats: 24-byte class, 168 per pool -> 60 pools
    allocate(*a, 7, 512);      // one full pool
    const std::string expected =
        "Small block threshold = 512, in 64 size classes.\n"
        "\n"
        "class   size   num pools   blocks in use  avail blocks\n"
        "-----   ----   ---------   -------------  ------------\n"
        "    2     24          60           10000            80\n"
        "   63    512           1               7             0\n"
        "\n"
        "# arenas allocated total           =                    1\n"
        "# arenas reclaimed                 =                    0\n"
        "# arenas highwater mark            =                    1\n"
        "# arenas allocated current         =                    1\n"
        "1 arenas * 262144 bytes/arena      =              262,144\n"
        "\n"
        "# bytes in allocated blocks        =              243,584\n"
        "# bytes in available blocks        =                1,920\n"
        "3 unused pools * 4096 bytes        =               12,288\n"
        "# bytes lost to pool headers       =                2,928\n"
        "# bytes lost to quantization       =                1,424\n"
        "# bytes lost to arena alignment    =                    0\n"
        "Total                              =              262,144\n";
    CHECK(a->debug_malloc_stats() == expected);
}

TEST_CASE("spec 4.1 cross-checks, measured on CPython 3.11.7", "[alloc][stats]") {
    auto a = unchecked(ProfileId::cpython_3_11);
    allocate(*a, 106, 16);
    allocate(*a, 11181, 24);   // class 1: 22 pools, 11,181 in use + 39 available = 22 * 510
    allocate(*a, 50, 512);     // class 31: 2 pools, 50 + 12 = 2 * 31
    const std::vector<ClassRow> rows = class_rows(a->debug_malloc_stats());
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].pools == 1);
    CHECK(rows[0].in_use + rows[0].avail == 1021);
    CHECK(rows[1].pools == 22);
    CHECK(rows[1].in_use + rows[1].avail == 22 * 510);
    CHECK(rows[2].pools == 2);
    CHECK(rows[2].in_use + rows[2].avail == 2 * 31);
}

TEST_CASE("the spec's sample value layout for four arenas", "[alloc][stats]") {
    auto a = unchecked(ProfileId::cpython_3_11);
    while (a->stats().arenas_allocated_current < 4) a->malloc(512);
    CHECK_THAT(a->debug_malloc_stats(),
               Catch::Contains("4 arenas * 1048576 bytes/arena     =            4,194,304\n"));
}

TEST_CASE("empty pools leave the class table and count as unused pools", "[alloc][stats]") {
    for (ProfileId id : kBothProfiles) {
        auto a = checked(id);
        a->malloc(200);                                    // keeps the arena
        const std::vector<Address> b = allocate(*a, 10, 16);
        release(*a, b);
        const std::string text = a->debug_malloc_stats();
        const std::vector<ClassRow> rows = class_rows(text);
        REQUIRE(rows.size() == 1);
        CHECK(rows[0].size == 200 + (geometry(id).alignment() == 16 ? 8 : 0));
        const std::uint64_t unused = a->arena(0).ntotalpools - 1;
        CHECK(value_of(text, std::to_string(unused) + " unused pools") ==
              static_cast<std::int64_t>(unused * geometry(id).pool_size()));
    }
}

TEST_CASE("the accounting lines always sum to the arena total", "[alloc][stats]") {
    for (ProfileId id : kBothProfiles) {
        INFO("profile " << profile(id).name);
        auto a = unchecked(id);
        std::mt19937_64 rng(42);
        std::vector<Address> live;
        for (int step = 0; step < 20; ++step) {
            for (int i = 0; i < 3000; ++i) {
                if (!live.empty() && rng() % 3 == 0) {
                    const std::size_t k = rng() % live.size();
                    a->free(live[k]);
                    live[k] = live.back();
                    live.pop_back();
                } else {
                    live.push_back(a->malloc(1 + rng() % 512));
                }
            }
            const std::string text = a->debug_malloc_stats();
            const std::uint64_t arenas = a->stats().arenas_allocated_current;
            const std::uint32_t pool_size = geometry(id).pool_size();
            std::uint64_t pools = 0, in_use = 0, free_pools = 0, unaligned = 0;
            for (const ClassRow& r : class_rows(text)) {
                pools += r.pools;
                in_use += r.in_use;
                CHECK(r.in_use + r.avail == r.pools * geometry(id).blocks_per_pool(r.index));
            }
            for (std::uint32_t s = 0; s < a->max_arenas(); ++s) {
                const ArenaView v = a->arena(s);
                free_pools += v.nfreepools;
                unaligned += v.address != 0 && v.first_pool != v.address;
            }
            CHECK(in_use == a->stats().pymalloc_blocks_in_use);
            const std::int64_t total = value_of(text, "# bytes in allocated blocks") +
                                       value_of(text, "# bytes in available blocks") +
                                       value_of(text, std::to_string(free_pools) + " unused pools") +
                                       value_of(text, "# bytes lost to pool headers") +
                                       value_of(text, "# bytes lost to quantization") +
                                       value_of(text, "# bytes lost to arena alignment");
            CHECK(total == static_cast<std::int64_t>(arenas * geometry(id).arena_size()));
            CHECK(value_of(text, "# bytes lost to pool headers") ==
                  static_cast<std::int64_t>(pools * 48));
            CHECK(value_of(text, "# bytes lost to arena alignment") ==
                  static_cast<std::int64_t>(unaligned * pool_size));
            CHECK(value_of(text, "# bytes in allocated blocks") ==
                  static_cast<std::int64_t>(a->stats().pymalloc_bytes_in_use));
        }
    }
}
