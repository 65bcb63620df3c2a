// Determinism and replay: the same scenario, seed and actions give the same journal, byte for byte.
#include <doctest/doctest.h>

#include "sim/world/plan_policy.hpp"
#include "sim/world/replay.hpp"
#include "tests/sim/world/mini_platform.hpp"

using namespace drillsim;

namespace {
constexpr Ix srv_a = 7, srv_b = 8, app = 11;

Model random_model() {
  Model m = test::mini_model();
  // Random durations and fault timing, so the seed matters.
  m.catalog.actions[0].duration = Distribution{Distribution::Kind::lognormal, 300, 0.5};
  m.catalog.actions[1].duration = Distribution{Distribution::Kind::triangular, 60, 120, 400};
  Inject a = test::fault_at("a", 0, srv_a, 0);
  a.at_is_random = true;
  a.at_dist = Distribution{Distribution::Kind::uniform, 300, 900};
  m.scenario.injects = {a, test::fault_at("b", 1000, srv_b, 0)};
  m.organisation.persons[0].absent_probability = 0.5;
  return m;
}

std::string play(std::shared_ptr<const Model> model, std::uint64_t seed, Drill** keep = nullptr) {
  DrillOptions o;
  o.seed = seed;
  o.seed_given = true;
  static std::unique_ptr<Drill> holder;
  holder = std::make_unique<Drill>(model, o);
  Drill& d = *holder;
  d.advance_to(1100);
  Submission s;
  s.post = 0;
  s.action = 1;
  s.target = app;
  s.actor = "学员 \"甲\"";
  s.note = "先查堡垒机\n再重启";
  d.submit(s);
  s.action = 0;
  s.target = srv_b;
  d.submit(s);
  Inject live;
  live.id = "live1";
  live.kind = Inject::Kind::message;
  live.at = 1500;
  live.ref = 1;
  live.text = {"领导询问", "The director asks"};
  live.from = {"中心主任", "Director"};
  REQUIRE(d.add_inject(live));
  d.add_note("评估员", "技术组反应迅速");
  d.advance_to(2000);
  d.end();
  if (keep) *keep = &d;
  return d.journal().to_jsonl();
}
}  // namespace

TEST_CASE("the same seed and actions give the same journal; another seed gives another") {
  auto model = test::share(random_model());
  std::string first = play(model, 11);
  CHECK(play(model, 11) == first);
  bool any_differs = false;
  for (std::uint64_t seed = 12; seed < 20 && !any_differs; ++seed) any_differs = play(model, seed) != first;
  CHECK(any_differs);
}

TEST_CASE("a journal written to text and read back replays to the same journal") {
  auto model = test::share(random_model());
  Drill* original = nullptr;
  std::string text = play(model, 5, &original);
  std::vector<JournalEntry> entries;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    JournalEntry e;
    std::string error;
    REQUIRE_MESSAGE(parse_journal_line(std::string_view(text).substr(start, nl - start), e, error), error);
    entries.push_back(e);
    start = nl + 1;
  }
  std::string error;
  auto again = replay(model, entries, error);
  REQUIRE_MESSAGE(again, error);
  CHECK(again->journal().to_jsonl() == text);
  CHECK(again->truth().business.size() == original->truth().business.size());
}

TEST_CASE("a journal line that is not ours is refused with its column") {
  JournalEntry e;
  std::string error;
  CHECK_FALSE(parse_journal_line("{\"t\":1,\"kind\":\"nonsense\"}", e, error));
  CHECK_FALSE(parse_journal_line("{\"t\":1,\"kind\":\"note\",\"extra\":\"x\"}", e, error));
  CHECK(error.find("extra") != std::string::npos);
  CHECK_FALSE(parse_journal_line("not json", e, error));
  CHECK(parse_journal_line("{\"t\":5,\"kind\":\"note\",\"zh\":\"\\u0041\\\"\"}", e, error));
  CHECK(e.text.zh == "A\"");
}

TEST_CASE("a replay of a journal from a different scenario is refused") {
  auto model = test::share(random_model());
  play(model, 5);
  std::vector<JournalEntry> entries{JournalEntry{.kind = EntryKind::drill_start, .subject = "other"}};
  std::string error;
  CHECK(replay(model, entries, error) == nullptr);
  CHECK(error.find("other") != std::string::npos);
}
