// The loader's checks, one per case: a good fixture chain is copied, one file is edited the way a
// trainer might get it wrong, and the problem must be reported at the edited place with a clear message.
#include "load_test_util.hpp"

using namespace drillsim;
using drillsim::test::all_problems;
using drillsim::test::read_text_file;
using drillsim::test::TempDir;
using drillsim::test::where;

namespace {

struct Edit {
  const char* name;  // what the case is about
  const char* file;  // the mini_* file edited
  std::vector<std::pair<std::string, std::string>> edits;
  const char* at;       // the problem is reported at the first occurrence of this text in the edited file
  const char* message;  // and mentions this
};

const Edit edits[] = {
    // values
    {"probability above 1",
     "mini_organisation.yaml",
     {{"absent_probability: 0.25", "absent_probability: 1.5"}},
     "1.5",
     "absent_probability must be between 0 and 1"},
    {"uniform min > max",
     "mini_organisation.yaml",
     {{"late: 90", "late: {dist: uniform, min: 10m, max: 5m}"}},
     "10m, max",
     "min (10m) is greater than max (5m)"},
    {"triangular out of order",
     "mini_catalog.yaml",
     {{"mode: 10m, max: 30m", "mode: 40m, max: 30m"}},
     "5m, mode: 40m",
     "min <= mode <= max (got 5m, 40m, 30m)"},
    {"discrete weights all zero",
     "mini_organisation.yaml",
     {{"weights: [3, 1]", "weights: [0, 0]"}},
     "[0, 0]",
     "the weights must not all be 0"},
    {"discrete lengths differ",
     "mini_organisation.yaml",
     {{"weights: [3, 1]", "weights: [3]"}},
     "[3]",
     "1 weights for 2 values"},
    {"unknown distribution",
     "mini_organisation.yaml",
     {{"dist: exponential", "dist: poisson"}},
     "poisson",
     "unknown distribution 'poisson'"},
    {"sigma is a number",
     "mini_scenario.yaml",
     {{"sigma: 0.5", "sigma: 5m"}},
     "5m}, absent",
     "expected a number, got '5m'"},
    {"garbage duration", "mini_platform.yaml", {{"holdup: 1h", "holdup: 1hour"}}, "1hour", "'1hour' is not a duration"},
    {"units out of order", "mini_platform.yaml", {{"holdup: 1h", "holdup: 30m1h"}}, "30m1h", "units largest first"},
    {"boolean",
     "mini_platform.yaml",
     {{"standby: true", "standby: yes please"}},
     "yes please",
     "expected true or false"},
    {"number", "mini_platform.yaml", {{"max_temp_c: 40", "max_temp_c: hot"}}, "hot", "expected a number, got 'hot'"},
    {"stray comma in a flow map",
     "mini_organisation.yaml",
     {{"name: 领导小组}", "name: 领导小组, 技术组}"}},
     "技术组}",
     "inside { } a comma ends a value"},
    {"duplicate key",
     "mini_scenario.yaml",
     {{"end_after: 1d", "end_after: 1d\n  end_after: 2d"}},
     "end_after: 2d",
     "'end_after' is given twice in this map (first on line 6)"},
    {"id with a space",
     "mini_scenario.yaml",
     {{"id: mini_scenario", "id: mini scenario"}},
     "mini scenario",
     "'mini scenario' is not a valid scenario id"},
    {"missing id",
     "mini_scenario.yaml",
     {{"{id: o1, text:", "{text:"}},
     "{text:",
     "missing required field 'id' in an objective"},
    {"a list where a map belongs",
     "mini_organisation.yaml",
     {{"- {id: telecom, kind: telecom}", "- [telecom]"}},
     "[telecom]",
     "expected a map (a party), got a list"},
    // organisation and platform
    {"unknown party kind",
     "mini_organisation.yaml",
     {{"kind: vendor", "kind: vendr"}},
     "vendr",
     "unknown party kind 'vendr' (allowed: vendor, bank"},
    {"room that is not a room",
     "mini_platform.yaml",
     {{"room: room1, requires: [power]", "room: power, requires: [power]"}},
     "power, requires",
     "'power' is not a room"},
    {"unknown component kind",
     "mini_platform.yaml",
     {{"kind: switch}", "kind: router}"}},
     "router",
     "unknown component kind 'router'"},
    {"self dependency",
     "mini_platform.yaml",
     {{"kind: switch}", "kind: switch, requires: [sw]}"}},
     "sw]}",
     "dependency cycle: sw -> sw"},
    {"duplicate symptom id",
     "mini_platform.yaml",
     {{"holds_data: true}", "holds_data: true, symptoms: [{id: sym_app_slow, to: leader, text: x}]}"}},
     "sym_app_slow, to: leader",
     "duplicate symptom id 'sym_app_slow'"},
    {"symptom without a receiver",
     "mini_platform.yaml",
     {{"{id: sym_app_down, to: tech_lead,", "{id: sym_app_down,"}},
     "{id: sym_app_down",
     "missing required field 'to' in a symptom"},
    // catalog
    {"$target without a component target",
     "mini_catalog.yaml",
     {{"{repair: db, fixes: [crash]}", "{repair: $target, fixes: [crash]}"}},
     "$target, fixes: [crash]}",
     "$target is only allowed in actions whose target is component"},
    {"repair without fixes",
     "mini_catalog.yaml",
     {{"{repair: db, fixes: [crash]}", "{repair: db}"}},
     "{repair: db}",
     "missing required field 'fixes' in a repair effect"},
    {"two effects in one",
     "mini_catalog.yaml",
     {{"{activate: backup_line}", "{activate: backup_line, deactivate: wan}"}},
     "deactivate: wan},",
     "'activate' and 'deactivate' are both given"},
    {"extinguish a server",
     "mini_catalog.yaml",
     {{"{extinguish: room1}", "{extinguish: server}"}},
     "server}",
     "'server' is not a room"},
    {"observation without when before the last",
     "mini_catalog.yaml",
     {{"- {result: ok}", "- {result: ok}\n        - {result: fail}"}},
     "{result: ok}",
     "only the last observation may leave out 'when'"},
    {"unknown post or group",
     "mini_catalog.yaml",
     {{"to: [leader, leaders]", "to: [leader, leaderz]"}},
     "leaderz",
     "unknown post or group 'leaderz'"},
    {"targets without a target kind",
     "mini_catalog.yaml",
     {{"id: fix_db", "id: fix_db\n      targets: [app]"}},
     "[app]\n",
     "'targets' needs a 'target' kind"},
    {"unknown level target",
     "mini_catalog.yaml",
     {{"targets: [l1, l2]", "targets: [l1, l3]"}},
     "l3]",
     "unknown level 'l3'"},
    // conditions
    {"unknown symptom",
     "mini_plan.yaml",
     {{"{message: sym_app_down}", "{message: sym_nope}"}},
     "sym_nope",
     "unknown symptom 'sym_nope'"},
    {"two keys in a condition",
     "mini_plan.yaml",
     {{"when: {fact: disc_imported}}", "when: {fact: disc_imported, after: +1h}}"}},
     "{fact: disc_imported, after",
     "a condition has exactly one key, this one has 2"},
    {"unknown condition",
     "mini_plan.yaml",
     {{"{temp_above: {room: room1, c: 50}}", "{hot: {room: room1, c: 50}}"}},
     "hot:",
     "unknown condition 'hot' (allowed: health, fault"},
    {"wall-clock time in a plan",
     "mini_plan.yaml",
     {{"by: +30m", "by: \"09:30\""}},
     "\"09:30\"",
     "a plan or catalog has no start date"},
    {"$target in a plan",
     "mini_plan.yaml",
     {{"{health: {component: app, is: down}}", "{health: {component: $target, is: down}}"}},
     "$target",
     "$target is only allowed inside catalog actions"},
    {"bad health state",
     "mini_plan.yaml",
     {{"component: app, is: down}", "component: app, is: broken}"}},
     "broken",
     "'is' must be up, degraded, down or not_up"},
    {"two keys at the top of a condition",
     "mini_plan.yaml",
     {{"resolved: {all: [", "resolved: {any: [], all: ["}},
     "{any: [], all",
     "a condition has exactly one key"},
    {"empty any",
     "mini_plan.yaml",
     {{"trigger: {temp_above: {room: room1, c: 50}}", "trigger: {any: []}"}},
     "[]}",
     "'any' needs at least one condition"},
    {"outage_over with component and tag",
     "mini_plan.yaml",
     {{"{outage_over: {tag: business, s: 4h}}", "{outage_over: {tag: business, component: app, s: 4h}}"}},
     "{tag: business, component",
     "exactly one of 'component' and 'tag'"},
    {"observed result no observation gives",
     "mini_plan.yaml",
     {{"action: restart, result: ok}", "action: restart, result: okay}"}},
     "okay",
     "action 'restart' never gives the result 'okay' (its results: still_down, ok)"},
    {"tag no component has",
     "mini_plan.yaml",
     {{"{tag: business, s: 4h}", "{tag: busines, s: 4h}"}},
     "busines",
     "no component has the tag 'busines'"},
    // plan
    {"next to another procedure's step",
     "mini_plan.yaml",
     {{"next: s3, note", "next: f1, note"}, {"- {id: s1, expect: [carry_tapes", "- {id: f1, expect: [carry_tapes"}},
     "f1, note",
     "step 'f1' is in procedure 'fire', not in this one"},
    {"unknown step",
     "mini_plan.yaml",
     {{"next: s3, note", "next: s9, note"}},
     "s9",
     "unknown step 's9' in procedure 'outage'"},
    {"branch with next and end",
     "mini_plan.yaml",
     {{"next: s3, note: 继续}", "next: s3, end: true}"}},
     "{when: {done:",
     "a branch has only one of next, goto and end"},
    {"procedure that never ends",
     "mini_plan.yaml",
     {{"expect: [carry_tapes, extinguish]}", "expect: [carry_tapes, extinguish], branches: [{next: s1}]}"}},
     "fire\n",
     "procedure 'fire' can never end"},
    {"expected target on an action without one",
     "mini_plan.yaml",
     {{"expect: [report,", "expect: [{action: report, target: app},"}},
     "app},",
     "action 'report' takes no target"},
    {"expected target outside the action's targets",
     "mini_plan.yaml",
     {{"{action: restart, target: app}", "{action: restart, target: server}"}},
     "server}",
     "'server' is not among the targets action 'restart' allows"},
    {"unknown rule kind",
     "mini_plan.yaml",
     {{"kind: must_first", "kind: must_before"}},
     "must_before",
     "unknown rule kind 'must_before'"},
    {"rule field of the other kind",
     "mini_plan.yaml",
     {{"kind: must_first, first", "kind: must_first, action: report, first"}},
     "action: report, first",
     "unknown field 'action' in a must_first rule"},
    {"empty steps",
     "mini_plan.yaml",
     {{"- {id: s1, expect: [carry_tapes, extinguish]}", "[]"}, {"      steps:\n        []", "      steps: []"}},
     "[]\n  rules",
     "a procedure needs at least one step"},
    // scenario
    {"two payloads",
     "mini_scenario.yaml",
     {{"type: crash}, objective: o1}", "type: crash}, objective: o1, fact: disc_imported}"}},
     "fact: disc_imported}",
     "'fault' and 'fact' are both given"},
    {"at and when",
     "mini_scenario.yaml",
     {{"{id: i_fire, when:", "{id: i_fire, at: +1m, when:"}},
     "{id: i_fire",
     "either 'at' (a time) or 'when' (a condition), not both"},
    {"neither at nor when",
     "mini_scenario.yaml",
     {{"{id: i_clear, at: \"09:30:30\",", "{id: i_clear,"}},
     "{id: i_clear",
     "needs 'at' (a time) or 'when'"},
    {"no payload",
     "mini_scenario.yaml",
     {{", fact: disc_imported}", "}"}},
     "{id: i_fact",
     "an inject needs one payload"},
    {"time before the start",
     "mini_scenario.yaml",
     {{"\"09:30:30\"", "\"08:30\""}},
     "\"08:30\"",
     "time '08:30' is before the scenario's start (2026-03-18 09:00)"},
    {"inject after the end",
     "mini_scenario.yaml",
     {{"end_after: 1d", "end_after: 12h"}},
     "\"2026-03-19 08:00\"",
     "after the end of the drill"},
    {"a duration is not a time", "mini_scenario.yaml", {{"at: \"+10m\"", "at: 10m"}}, "10m,", "write +10m"},
    {"impossible date",
     "mini_scenario.yaml",
     {{"\"2026-03-18 09:00\"", "\"2026-02-30 09:00\""}},
     "\"2026-02-30",
     "is not a start date and time"},
    {"zero length",
     "mini_scenario.yaml",
     {{"end_after: 1d", "end_after: 0"}},
     "0\n",
     "end_after must be longer than 0"},
    {"negative seed",
     "mini_scenario.yaml",
     {{"end_after: 1d", "end_after: 1d\n  seed: -3"}},
     "-3",
     "seed must be a whole number >= 0"},
    {"fire in a server", "mini_scenario.yaml", {{"fire: room1", "fire: server"}}, "server}", "'server' is not a room"},
    {"unknown objective", "mini_scenario.yaml", {{"objective: o1", "objective: o2"}}, "o2", "unknown objective 'o2'"},
    {"unknown inject message",
     "mini_scenario.yaml",
     {{"{message: i_msg}", "{message: i_nope}"}},
     "i_nope",
     "unknown symptom or inject 'i_nope'"},
    {"missing chain key",
     "mini_scenario.yaml",
     {{"  plan: mini_plan.yaml\n", ""}},
     "id: mini_scenario",
     "missing required field 'plan' in the scenario"},
    {"unknown person",
     "mini_scenario.yaml",
     {{"absent: p_lead", "absent: p_leed"}},
     "p_leed",
     "unknown person 'p_leed' (did you mean 'p_lead'?)"},
};

}  // namespace

TEST_CASE("each edit a trainer could get wrong is reported at its place") {
  for (const Edit& e : edits) {
    INFO(std::string(e.name));
    TempDir dir("edit");
    dir.copy_mini_chain();
    const std::string edited = dir.copy_edited(e.file, e.edits);
    const std::string expected = edited + ":" + where(read_text_file(edited), e.at) + ": ";
    const LoadResult r = load_file(dir.path("mini_scenario.yaml"));
    CHECK(r.model == nullptr);
    CHECK_PROBLEM(r, expected, e.message);
  }
}

TEST_CASE("every problem is listed, not only the first") {
  TempDir dir("many");
  dir.copy_mini_chain();
  dir.copy_edited(
      "mini_scenario.yaml",
      {{"end_after: 1d", "end_after: -1d"}, {"absent: p_lead", "absent: nobody"}, {"fire: room1", "fire: server"}});
  dir.copy_edited("mini_platform.yaml", {{"holdup: 1h", "holdup: -1h"}});
  const LoadResult r = load_file(dir.path("mini_scenario.yaml"));
  INFO(all_problems(r));
  CHECK(r.problems.size() == 4);
  CHECK(r.problems[0].file == dir.path("mini_platform.yaml"));  // lower files first
  CHECK(r.model == nullptr);
}

TEST_CASE("a problem in a chained file is reported in that file, and the chain is named relative to its referrer") {
  TempDir dir("chain");
  dir.copy_mini_chain();
  dir.copy_edited("mini_organisation.yaml",
                  {{"id: p_tech_b, name: 技术B角, late: 90", "id: p_tech_b, name: 技术B角, late: soon"}});
  const LoadResult r = load_scenario(dir.path("mini_scenario.yaml"));
  const std::string org = dir.path("mini_organisation.yaml");
  CHECK_PROBLEM(r, org + ":" + where(read_text_file(org), "soon") + ": ", "'soon' is not a duration");
  CHECK(r.problems.size() == 1);
}

TEST_CASE("when a chained file cannot be loaded, references into it are not reported as unknown") {
  TempDir dir("quiet");
  dir.copy_mini_chain();
  dir.copy_edited("mini_plan.yaml", {{"catalog: mini_catalog.yaml", "catalog: missing.yaml"}});
  const LoadResult r = load_file(dir.path("mini_scenario.yaml"));
  INFO(all_problems(r));
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].message.find("cannot load the catalog file 'missing.yaml'") != std::string::npos);
}
