// test_api.cpp — refscope::api::call, the JSON surface shared with the wasm bindings.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "refscope/api.hpp"
#include "refscope/version.hpp"
#include "trace/json_commands.hpp"

using nlohmann::json;

namespace {

json call(std::string_view request) {
    return json::parse(refscope::api::call(request));
}

void require_usage_error(const json& response) {
    REQUIRE(response.at("ok") == false);
    REQUIRE(response.at("error").at("kind") == "usage");
    REQUIRE_FALSE(response.at("error").at("message").get<std::string>().empty());
}

}  // namespace

TEST_CASE("api version: engine version and both profiles", "[api]") {
    json r = call(R"({"cmd": "version"})");
    REQUIRE(r.at("ok") == true);
    CHECK(r.at("version") == refscope::kVersion);
    const json& profiles = r.at("profiles");
    REQUIRE(profiles.size() == 2);
    CHECK(profiles[0].at("name") == "3.11");
    CHECK(profiles[1].at("name") == "classic");
    for (const json& p : profiles) CHECK_FALSE(p.at("description").get<std::string>().empty());
}

TEST_CASE("api malformed JSON: usage error carrying the parser's message", "[api]") {
    json r = call(R"({"cmd": )");
    require_usage_error(r);
    auto message = r["error"]["message"].get<std::string>();
    CHECK_THAT(message, Catch::Contains("malformed JSON"));
    CHECK_THAT(message, Catch::Contains("parse error"));
}

TEST_CASE("api malformed JSON with bytes that are not UTF-8: still valid JSON out", "[api]") {
    json r = call("{\"cmd\": \xff\xfe");
    require_usage_error(r);
}

TEST_CASE("api unknown command: usage error naming it", "[api]") {
    json r = call(R"({"cmd": "frobnicate"})");
    require_usage_error(r);
    CHECK_THAT(r["error"]["message"].get<std::string>(), Catch::Contains("frobnicate"));
}

TEST_CASE("api requests that are not command objects: usage errors", "[api]") {
    require_usage_error(call("[1, 2]"));
    require_usage_error(call("{}"));
    require_usage_error(call(R"({"cmd": 7})"));
    require_usage_error(call(""));
}

TEST_CASE("api field helpers: missing and mistyped fields are usage errors", "[api]") {
    using refscope::api::optional_field;
    using refscope::api::required_field;
    json request = {{"cmd", "x"}, {"n", 3}, {"s", "text"}};
    CHECK(required_field<int>(request, "n") == 3);
    CHECK(optional_field<int>(request, "missing", 9) == 9);
    CHECK_THROWS_AS(required_field<int>(request, "missing"), refscope::UsageError);
    CHECK_THROWS_WITH(required_field<int>(request, "s"), Catch::Contains("\"s\""));
}

TEST_CASE("api registry: duplicate command names are an invariant error", "[api]") {
    refscope::api::Registry registry;
    refscope::api::add_meta_commands(registry);
    CHECK(registry.find("version") != nullptr);
    CHECK(registry.find("nope") == nullptr);
    CHECK_THROWS_AS(refscope::api::add_meta_commands(registry), refscope::InvariantError);
}

TEST_CASE("api alloc_scenario: any group name comes back as a key of \"live\"", "[api]") {
    const std::string name = "quote\" back\\slash \n caf\xC3\xA9";
    const json request = {{"cmd", "alloc_scenario"},
                          {"ops", {{{"op", "malloc"}, {"size", 24}, {"count", 3}, {"name", name}}}}};
    const json r = call(request.dump());
    REQUIRE(r.at("ok") == true);
    CHECK(r.at("live").at(name) == 3);
    CHECK(r.at("stats").at("pymalloc_blocks_in_use") == 3);
}
