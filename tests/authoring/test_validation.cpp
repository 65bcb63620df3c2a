// Live validation: an edited document is checked with the loader's rules as if saved, problems
// point at the field they are about, and unsaved documents (the plan being edited) are used in
// place of their files.
#include "authoring/validation.hpp"
#include "document_test_util.hpp"

using namespace drillsim;
using namespace drillsim::authoring;

namespace {

// The index of the list item whose id is `id` under `list_path`; fails the test when there is none.
std::size_t item_with_id(const Document& doc, const std::string& list_path, const std::string& id) {
  const DocNode* list = node_at(doc.root, list_path);
  REQUIRE(list);
  REQUIRE(list->is_sequence());
  for (std::size_t i = 0; i < list->items.size(); ++i)
    if (list->items[i].get("id") == id) return i;
  FAIL("no item " << id << " in " << list_path);
  return 0;
}

std::string listed(const Validation& v) {
  std::string out;
  for (const Problem& p : v.problems) out += p.str() + "  [" + p.path + "]\n";
  return out;
}

const Problem* problem_at(const Validation& v, const std::string& path) {
  for (const Problem& p : v.problems)
    if (p.path == path) return &p;
  return nullptr;
}

// The line `line` (1-based) of `text`.
std::string line_of_text(const std::string& text, int line) {
  std::size_t start = 0;
  for (int l = 1; l < line && start != std::string::npos; ++l) {
    start = text.find('\n', start);
    if (start != std::string::npos) ++start;
  }
  if (start == std::string::npos) return {};
  return text.substr(start, text.find('\n', start) - start);
}

}  // namespace

TEST_CASE("a shipped scenario, unedited, validates and gives its model") {
  test::Scratch scratch("valid");
  const std::string seed = scratch.copy_seed("002_beijing");
  const Document doc = test::read_or_fail(seed + "/scenarios/expert_absent.yaml");
  const Validation v = validate(doc);
  INFO(listed(v));
  REQUIRE(v.ok());
  CHECK(v.problems.empty());
  CHECK(v.model->scenario.id == "bjsie002_expert_absent");
}

TEST_CASE("an inject's component set to an unknown id: the problem points at that field, in the text as saved") {
  test::Scratch scratch("unknown_ref");
  const std::string seed = scratch.copy_seed("002_beijing");
  Document doc = test::read_or_fail(seed + "/scenarios/expert_absent.yaml");
  const std::size_t i = item_with_id(doc, "scenario.injects", "expert_missing");
  const std::string field = "scenario.injects[" + std::to_string(i) + "].fault.component";
  REQUIRE(node_at(doc.root, field));
  node_at(doc.root, field)->value = "no_such_component";

  const Validation v = validate(doc);
  INFO(listed(v));
  CHECK_FALSE(v.ok());
  CHECK(v.model == nullptr);
  const Problem* p = problem_at(v, field);
  REQUIRE(p);
  CHECK(p->file == doc.path);
  CHECK(p->message.find("no_such_component") != std::string::npos);
  // The position is in the text as it would be saved (header first).
  const std::string saved = doc.header + emit(doc).text;
  CHECK(line_of_text(saved, p->line).find("component: no_such_component") != std::string::npos);
  CHECK(p->column > 0);
  CHECK(p->str() == doc.path + ":" + std::to_string(p->line) + ":" + std::to_string(p->column) + ": " + p->message);
  // Only that field is wrong.
  for (const Problem& other : v.problems) CHECK(other.path == field);
}

TEST_CASE("unknown fields, missing fields and bad values are each taken back to their place") {
  test::Scratch scratch("fields");
  const std::string seed = scratch.copy_seed("002_beijing");
  Document doc = test::read_or_fail(seed + "/scenarios/expert_absent.yaml");
  const std::string agent = item_path("scenario.injects", item_with_id(doc, "scenario.injects", "agent_pushes"));
  const std::string chase = item_path("scenario.injects", item_with_id(doc, "scenario.injects", "regulators_chase"));
  node_at(doc.root, agent)->set("colour", DocNode::text("red"));         // unknown field
  node_at(doc.root, chase + ".message")->erase("to");                     // missing field
  node_at(doc.root, "scenario.end_after")->value = "eight hours";         // bad duration
  node_at(doc.root, chase + ".when.not_done.by")->value = "25:99";        // bad time

  const Validation v = validate(doc);
  INFO(listed(v));
  CHECK_FALSE(v.ok());
  CHECK(problem_at(v, agent + ".colour"));
  CHECK(problem_at(v, chase + ".message"));
  CHECK(problem_at(v, "scenario.end_after"));
  CHECK(problem_at(v, chase + ".when.not_done.by"));
  for (const Problem& p : v.problems) CHECK_FALSE(p.path.empty());
}

TEST_CASE("validating a scenario against an unsaved, edited plan") {
  test::Scratch scratch("unsaved_plan");
  const std::string seed = scratch.copy_seed("002_beijing");
  Document scenario = test::read_or_fail(seed + "/scenarios/expert_absent.yaml");
  Document plan = test::read_or_fail(seed + "/plan.yaml");
  const std::string plan_on_disk = test::read_file(seed + "/plan.yaml");

  // The plan gets a new procedure (a copy of p15_expert) that only the unsaved plan has.
  DocNode* procedures = node_at(plan.root, "plan.procedures");
  REQUIRE(procedures);
  const std::size_t p15 = item_with_id(plan, "plan.procedures", "p15_expert");
  DocNode copy = procedures->items[p15];
  copy.set("id", DocNode::text("p15_expert_revised"));
  procedures->items.push_back(copy);
  // ... and the scenario's first objective names it.
  DocNode* first = node_at(scenario.root, "scenario.objectives[0].procedures[0]");
  REQUIRE(first);
  first->value = "p15_expert_revised";

  SUBCASE("with the plan as saved on disk, the new procedure is unknown") {
    const Validation v = validate(scenario);
    INFO(listed(v));
    CHECK_FALSE(v.ok());
    CHECK(problem_at(v, "scenario.objectives[0].procedures[0]"));
  }
  SUBCASE("with the unsaved plan, it loads, and the plan file is not touched") {
    const Validation v = validate(scenario, {&plan});
    INFO(listed(v));
    REQUIRE(v.ok());
    CHECK(v.model->find_procedure("p15_expert_revised") != no_ix);
    CHECK(test::read_file(seed + "/plan.yaml") == plan_on_disk);
  }
  SUBCASE("a problem in the unsaved plan is reported in the plan's file, without a path in the scenario") {
    node_at(plan.root, "plan.procedures[" + std::to_string(p15) + "].steps[0]")->set("bogus", DocNode::text("x"));
    const Validation v = validate(scenario, {&plan});
    INFO(listed(v));
    CHECK_FALSE(v.ok());
    REQUIRE_FALSE(v.problems.empty());
    bool in_plan = false;
    for (const Problem& p : v.problems)
      if (p.file.find("plan.yaml") != std::string::npos && p.message.find("bogus") != std::string::npos) {
        in_plan = true;
        CHECK(p.path.empty());
      }
    CHECK(in_plan);
    // Validating the plan itself takes the problem back to the step.
    const Validation pv = validate(plan);
    INFO(listed(pv));
    CHECK(problem_at(pv, "plan.procedures[" + std::to_string(p15) + "].steps[0].bogus"));
  }
}

TEST_CASE("validation with another plan than the scenario names (plan B)") {
  test::Scratch scratch("override");
  const std::string seed = scratch.copy_seed("003_puyang");
  const Document scenario = test::read_or_fail(seed + "/scenarios/ups_failure.yaml");
  const Validation a = validate(scenario);
  INFO(listed(a));
  REQUIRE(a.ok());
  const Validation b = validate(scenario, {}, seed + "/revisions/plan_no_generator.yaml");
  INFO(listed(b));
  REQUIRE(b.ok());
  CHECK(b.model->plan.file.find("plan_no_generator") != std::string::npos);
  CHECK(a.model->plan.file.find("plan_no_generator") == std::string::npos);
  const Validation missing = validate(scenario, {}, seed + "/revisions/none.yaml");
  CHECK_FALSE(missing.ok());
  REQUIRE_FALSE(missing.problems.empty());
  CHECK(missing.problems[0].path == "scenario.plan");
}

TEST_CASE("a document made in the editor, never saved, validates from memory alone") {
  test::Scratch scratch("new_doc");
  const std::string seed = scratch.copy_seed("002_beijing");
  Document doc = test::read_or_fail(seed + "/scenarios/expert_absent.yaml");
  doc.path = seed + "/scenarios/brand_new.yaml";  // no such file yet
  doc.header = "A new drill";  // typed in the editor: saved as a comment line
  CHECK(header_text(doc) == "# A new drill\n");
  CHECK(saved_text(doc) == "# A new drill\n" + emit(doc).text);
  node_at(doc.root, "scenario.id")->value = "bjsie002_brand_new";
  const Validation v = validate(doc);
  INFO(listed(v));
  REQUIRE(v.ok());
  CHECK(v.model->scenario.id == "bjsie002_brand_new");
  CHECK_FALSE(std::filesystem::exists(doc.path));

  doc.root.set("extra", DocNode::text("x"));  // a second top-level key
  const Validation bad = validate(doc);
  INFO(listed(bad));
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.problems[0].line == 1 + emit(doc).line_of("extra"));  // after the one-line header
  CHECK(bad.problems[0].path == "extra");
}
