// The golden journal: a shipped drill's journal hashes to a pinned value, and replays byte for byte.
//
// If a deliberate change to the engine or the data moves the hash, run
//   build/drillsim run scenarios/000_sanmenxia/scenarios/network_cut_opening.yaml --auto --journal /tmp/j.jsonl
// read the timeline to check the change is the one intended, and pin the new value printed by this test.
#include <cstdio>

#include "sim/world/replay.hpp"
#include "tests/scenarios/scenario_run.hpp"

using namespace drillsim;

namespace {
const std::string network_cut = "000_sanmenxia/scenarios/network_cut_opening.yaml";
constexpr std::uint64_t golden_hash = 0x0bd97bae1dd61838ull;

std::vector<JournalEntry> read_back(const std::string& text) {
  std::vector<JournalEntry> entries;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t nl = text.find('\n', start);
    JournalEntry e;
    std::string error;
    REQUIRE(parse_journal_line(std::string_view(text).substr(start, nl - start), e, error));
    entries.push_back(e);
    start = nl + 1;
  }
  return entries;
}
}  // namespace

TEST_CASE("the shipped network-cut drill with the plan-following policy matches its golden hash") {
  auto d = test::run_scenario(network_cut, test::Responders::policy);
  char hex[32];
  std::snprintf(hex, sizeof hex, "0x%016llx", static_cast<unsigned long long>(d->journal().hash()));
  INFO("journal hash " << hex << " over " << d->journal().size() << " entries");
  CHECK(d->journal().hash() == golden_hash);
}

TEST_CASE("the shipped drill replays from its journal byte for byte, with a response file too") {
  for (bool responses : {false, true}) {
    auto d = responses ? test::run_responses(network_cut, "000_sanmenxia/responses/network_cut_opening.yaml")
                       : test::run_scenario(network_cut, test::Responders::policy);
    std::string text = d->journal().to_jsonl();
    std::string error;
    auto again = replay(test::load_or_fail(network_cut), read_back(text), error);
    REQUIRE_MESSAGE(again, error);
    CHECK(again->journal().to_jsonl() == text);
  }
}
