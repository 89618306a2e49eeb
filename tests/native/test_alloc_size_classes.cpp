// Size classes and the shape of a pool, per class, for both profiles (spec §4.1, §4.2): what a
// freshly initialised pool looks like and how many blocks it serves before it is full.
#include <catch2/catch.hpp>

#include "test_alloc_support.hpp"

using namespace refscope;
using namespace refscope::alloc;
using namespace refscope::alloc::testing;

namespace {

struct Row311 {
    std::uint32_t block, blocks, waste, first_nextoffset, maxnextoffset, blocks_4k;
};

// Spec §4.1, one row per class 0..31.
constexpr Row311 kTable311[32] = {
    {16, 1021, 0, 80, 16368, 253},     {32, 510, 16, 112, 16352, 126},
    {48, 340, 16, 144, 16336, 84},     {64, 255, 16, 176, 16320, 63},
    {80, 204, 16, 208, 16304, 50},     {96, 170, 16, 240, 16288, 42},
    {112, 145, 96, 272, 16272, 36},    {128, 127, 80, 304, 16256, 31},
    {144, 113, 64, 336, 16240, 28},    {160, 102, 16, 368, 16224, 25},
    {176, 92, 144, 400, 16208, 23},    {192, 85, 16, 432, 16192, 21},
    {208, 78, 112, 464, 16176, 19},    {224, 72, 208, 496, 16160, 18},
    {240, 68, 16, 528, 16144, 16},     {256, 63, 208, 560, 16128, 15},
    {272, 60, 16, 592, 16112, 14},     {288, 56, 208, 624, 16096, 14},
    {304, 53, 224, 656, 16080, 13},    {320, 51, 16, 688, 16064, 12},
    {336, 48, 208, 720, 16048, 12},    {352, 46, 144, 752, 16032, 11},
    {368, 44, 144, 784, 16016, 11},    {384, 42, 208, 816, 16000, 10},
    {400, 40, 336, 848, 15984, 10},    {416, 39, 112, 880, 15968, 9},
    {432, 37, 352, 912, 15952, 9},     {448, 36, 208, 944, 15936, 9},
    {464, 35, 96, 976, 15920, 8},      {480, 34, 16, 1008, 15904, 8},
    {496, 32, 464, 1040, 15888, 8},    {512, 31, 464, 1072, 15872, 7},
};

// Spec §4.2: (blocks, waste) for classes 0..63 of 8-byte steps in a 4 KiB pool.
constexpr std::uint32_t kTableClassic[64][2] = {
    {506, 0},   {253, 0},   {168, 16},  {126, 16},  {101, 8},   {84, 16},   {72, 16},
    {63, 16},   {56, 16},   {50, 48},   {46, 0},    {42, 16},   {38, 96},   {36, 16},
    {33, 88},   {31, 80},   {29, 104},  {28, 16},   {26, 96},   {25, 48},   {24, 16},
    {23, 0},    {22, 0},    {21, 16},   {20, 48},   {19, 96},   {18, 160},  {18, 16},
    {17, 104},  {16, 208},  {16, 80},   {15, 208},  {15, 88},   {14, 240},  {14, 128},
    {14, 16},   {13, 200},  {13, 96},   {12, 304},  {12, 208},  {12, 112},  {12, 16},
    {11, 264},  {11, 176},  {11, 88},   {11, 0},    {10, 288},  {10, 208},  {10, 128},
    {10, 48},   {9, 376},   {9, 304},   {9, 232},   {9, 160},   {9, 88},    {9, 16},
    {8, 400},   {8, 336},   {8, 272},   {8, 208},   {8, 144},   {8, 80},    {8, 16},
    {7, 464},
};

// Allocates one block of class `szidx` in a fresh allocator and returns its pool.
PoolView fresh_pool(Allocator& a, std::uint32_t block) {
    const Address p = a.malloc(block);
    REQUIRE(a.is_pymalloc(p));
    return a.pool_of(p);
}

// Fills a fresh pool of the class and returns how many blocks it took to become full.
std::uint32_t blocks_until_full(Allocator& a, std::uint32_t block) {
    const Address first = a.malloc(block);
    std::uint32_t n = 1;
    while (a.pool_of(first).state != PoolState::full) {
        const Address p = a.malloc(block);
        REQUIRE(a.pool_of(p).address == a.pool_of(first).address);
        ++n;
    }
    return n;
}

}  // namespace

TEST_CASE("3.11 size classes: blocks, tail waste, nextoffset and maxnextoffset (spec 4.1)",
          "[alloc][size_classes]") {
    const AllocatorProfile& g = geometry(ProfileId::cpython_3_11);
    REQUIRE(g.nclasses() == 32);
    auto a = unchecked(ProfileId::cpython_3_11);
    for (std::uint32_t i = 0; i < 32; ++i) {
        const Row311& row = kTable311[i];
        INFO("class " << i);
        CHECK(g.block_size(i) == row.block);
        CHECK(g.size_class(row.block) == i);
        CHECK(g.size_class(row.block - 15) == i);   // the lowest request of the class
        const PoolView pool = fresh_pool(*a, row.block);
        CHECK(pool.szidx == i);
        CHECK(pool.block_size == row.block);
        CHECK(pool.capacity == row.blocks);
        CHECK(g.pool_size() - g.pool_overhead - pool.capacity * row.block == row.waste);
        CHECK(pool.nextoffset == row.first_nextoffset);
        CHECK(pool.maxnextoffset == row.maxnextoffset);
        CHECK(pool.count == 1);
        CHECK(pool.nfree == 1);                      // only two blocks touched
        CHECK(pool.untouched == row.blocks - 2);
        CHECK((4096 - 48) / row.block == row.blocks_4k);   // the 3.7.4-3.9 column
    }
}

TEST_CASE("3.11: every class serves NUMBLOCKS blocks per pool before it is full",
          "[alloc][size_classes]") {
    auto a = unchecked(ProfileId::cpython_3_11);
    for (std::uint32_t i = 0; i < 32; ++i) {
        INFO("class " << i);
        CHECK(blocks_until_full(*a, kTable311[i].block) == kTable311[i].blocks);
    }
    a->check_invariants();
}

TEST_CASE("classic size classes: 8-byte steps in 4 KiB pools (spec 4.2)", "[alloc][size_classes]") {
    const AllocatorProfile& g = geometry(ProfileId::classic);
    REQUIRE(g.nclasses() == 64);
    auto a = unchecked(ProfileId::classic);
    for (std::uint32_t i = 0; i < 64; ++i) {
        const std::uint32_t block = 8 * (i + 1);
        INFO("class " << i);
        CHECK(g.block_size(i) == block);
        CHECK(g.size_class(block - 7) == i);
        const PoolView pool = fresh_pool(*a, block);
        CHECK(pool.capacity == kTableClassic[i][0]);
        CHECK(4096 - 48 - pool.capacity * block == kTableClassic[i][1]);
        CHECK(pool.nextoffset == 48 + 2 * block);
        CHECK(pool.maxnextoffset == 4096 - block);
    }
    auto b = unchecked(ProfileId::classic);
    for (std::uint32_t i = 0; i < 64; ++i) {
        INFO("class " << i);
        CHECK(blocks_until_full(*b, 8 * (i + 1)) == kTableClassic[i][0]);
    }
    b->check_invariants();
}

TEST_CASE("requests map to classes at the class boundaries", "[alloc][size_classes]") {
    for (ProfileId id : kBothProfiles) {
        auto a = checked(id);
        const std::uint32_t step = geometry(id).alignment();
        for (std::uint32_t n = 1; n <= 512; n += step - 1) {
            const Address p = a->malloc(n);
            CHECK(a->pool_of(p).block_size == ((n + step - 1) / step) * step);
            CHECK(a->request_size(p) == n);
            CHECK(a->usable_size(p) == a->pool_of(p).block_size);
            a->free(p);
        }
    }
}
