// The MSEL as table rows: every inject form the format allows fits in a row, rows convert to
// injects and back unchanged, and a shipped scenario written from its rows loads to the same model.
#include <doctest/doctest.h>

#include "authoring/document.hpp"
#include "authoring/flow_yaml.hpp"
#include "authoring/msel.hpp"
#include "tests/authoring/msel_test_util.hpp"

using namespace drillsim;
using namespace drillsim::authoring;

namespace {

Document read_or_fail(const std::string& path) {
  Document doc;
  Diagnostics problems;
  INFO(path << "\n" << test::problems_text(problems));
  REQUIRE(read_document(path, doc, problems));
  return doc;
}

MselRow row(std::string id, std::string at, std::string when, std::string kind, std::string target,
            std::string detail = {}) {
  MselRow r;
  r.id = std::move(id);
  r.at = std::move(at);
  r.when = std::move(when);
  r.kind = std::move(kind);
  r.target = std::move(target);
  r.detail = std::move(detail);
  return r;
}

// One row of every inject form: each kind, at as a time or a distribution, when, texts in zh and en.
std::vector<MselRow> every_form() {
  std::vector<MselRow> rows;
  rows.push_back(row("f1", "09:20", "", "fault", "server", "crash"));
  rows.back().note = {"服务器宕机", ""};
  rows.back().expect = {"技术组登录堡垒机排查", "Tech checks through the bastion host"};
  rows.back().objective = "obj_a";
  rows.push_back(row("c1", "+1h30m", "", "clear", "server"));
  rows.push_back(row("c2", "2026-03-18 14:00", "", "clear", "server", "crash"));
  rows.push_back(row("m1", "{dist: uniform, min: 22m, max: 30m}", "", "message", "delivery_lead"));
  rows.back().from = {"投标人", "A bidder"};
  rows.back().text = {"开标系统看不到我们的保函，怎么办？", "We cannot see our letter, what now?"};
  rows.push_back(row("m2", "", "{all: [{message: m1}, {not_done: {action: report_leader, by: \"+45m\"}}]}", "message",
                     "leader"));
  rows.back().text = {"", "English only"};
  rows.push_back(row("a1", "+0s", "", "absent", "tech_b"));
  rows.push_back(row("l1", "+0s", "", "late", "tech_a", "10m"));
  rows.push_back(row("l2", "+0s", "", "late", "tech_a", "{dist: triangular, min: 5m, mode: 10m, max: 30m}"));
  rows.push_back(row("x1", "", "{health: {component: aircon, is: down}}", "fire", "machine_room"));
  rows.push_back(row("d1", "10:00", "", "load", "app", "70"));
  rows.push_back(row("k1", "", "{fault: {}}", "fact", "letters_by_hand"));
  rows.back().note = {"文本, 带逗号: 和 \"引号\"", "text, with a comma: and \"quotes\""};
  return rows;
}

}  // namespace

TEST_CASE("msel: the columns are the documented ones, in order, and each is a field of the row") {
  const std::vector<std::string> expected = {"id",      "at",      "when",      "kind",      "target",
                                             "detail",  "from_zh", "from_en",   "text_zh",   "text_en",
                                             "expect_zh", "expect_en", "note_zh", "note_en", "objective"};
  CHECK(msel_columns() == expected);
  MselRow r;
  for (std::size_t c = 0; c < msel_columns().size(); ++c) msel_field(r, c) = msel_columns()[c];
  CHECK(r.id == "id");
  CHECK(r.from.en == "from_en");
  CHECK(r.note.zh == "note_zh");
  CHECK(r.objective == "objective");
}

TEST_CASE("msel: every inject form converts to an inject and back to the same row") {
  for (const MselRow& r : every_form()) {
    CAPTURE(r.id);
    const DocNode inject = inject_of(r);
    CHECK(row_of(inject) == r);
  }
}

TEST_CASE("msel: rows become injects the way the format writes them") {
  const auto rows = every_form();
  const DocNode fault = inject_of(rows[0]);
  REQUIRE(fault.find("fault"));
  CHECK(fault.find("fault")->get("component") == "server");
  CHECK(fault.find("fault")->get("type") == "crash");
  CHECK(fault.find("note")->is_scalar());  // Chinese only: a plain text
  CHECK(fault.find("expect")->get("en") == "Tech checks through the bastion host");
  CHECK(fault.find("at")->value == "09:20");

  const DocNode random = inject_of(rows[3]);
  REQUIRE(random.find("at"));
  CHECK(random.find("at")->is_map());
  CHECK(random.find("at")->get("dist") == "uniform");
  CHECK(random.find("message")->get("to") == "delivery_lead");
  CHECK(random.find("message")->find("from")->get("zh") == "投标人");

  const DocNode contingency = inject_of(rows[4]);
  CHECK_FALSE(contingency.find("at"));
  REQUIRE(contingency.find("when"));
  CHECK(contingency.find("when")->is_map());
  CHECK(contingency.find("when")->flow);
  CHECK(node_at(contingency, "when.all[1].not_done.by")->value == "+45m");

  const DocNode late = inject_of(rows[7]);
  CHECK(late.find("late")->find("by")->get("mode") == "10m");
  CHECK(inject_of(rows[5]).find("absent")->value == "tech_b");
  CHECK(inject_of(rows[9]).find("load")->get("amount") == "70");
}

TEST_CASE("msel: the path of each field of a row") {
  const auto rows = every_form();
  CHECK(msel_field_path(0, 0, rows[0]) == "scenario.injects[0].id");
  CHECK(msel_field_path(0, 4, rows[0]) == "scenario.injects[0].fault.component");
  CHECK(msel_field_path(0, 5, rows[0]) == "scenario.injects[0].fault.type");
  CHECK(msel_field_path(0, 12, rows[0]) == "scenario.injects[0].note");  // Chinese only: written plain
  CHECK(msel_field_path(0, 11, rows[0]) == "scenario.injects[0].expect.en");
  CHECK(msel_field_path(3, 4, rows[3]) == "scenario.injects[3].message.to");
  CHECK(msel_field_path(3, 9, rows[3]) == "scenario.injects[3].message.text.en");
  CHECK(msel_field_path(4, 2, rows[4]) == "scenario.injects[4].when");
  CHECK(msel_field_path(7, 5, rows[7]) == "scenario.injects[7].late.by");
  CHECK(msel_field_path(5, 4, rows[5]) == "scenario.injects[5].absent");
  // Each path names a node of the inject the row becomes.
  for (std::size_t i = 0; i < rows.size(); ++i) {
    DocNode scenario = DocNode::map();
    DocNode injects = DocNode::list();
    for (const auto& r : rows) injects.items.push_back(inject_of(r));
    scenario.set("injects", injects);
    DocNode root = DocNode::map();
    root.set("scenario", scenario);
    for (std::size_t c = 0; c < msel_columns().size(); ++c) {
      if (msel_field(rows[i], c).empty()) continue;
      CAPTURE(rows[i].id);
      CAPTURE(msel_columns()[c]);
      CHECK(node_at(root, msel_field_path(i, c, rows[i])) != nullptr);
    }
  }
}

TEST_CASE("msel: flow YAML cells are read and written inline, keeping quotes") {
  DocNode node;
  std::string error;
  int column = 0;
  REQUIRE(parse_flow("{not_done: {action: x, by: \"10:20\"}}", node, error, column));
  CHECK(node.is_map());
  CHECK(flow_text(node) == "{not_done: {action: x, by: \"10:20\"}}");
  REQUIRE(parse_flow("{a: [1, 2], b: \"x, y\", c: {}}", node, error, column));
  CHECK(flow_text(node) == "{a: [1, 2], b: \"x, y\", c: {}}");
  CHECK_FALSE(parse_flow("{a: [1, 2}", node, error, column));
  CHECK_FALSE(error.empty());
  CHECK(flow_text(DocNode::text("R&D: a, b")) == "\"R&D: a, b\"");
}

TEST_CASE("msel: every shipped scenario's injects convert to rows and back unchanged") {
  for (const std::string& relative : test::shipped_scenarios()) {
    CAPTURE(relative);
    const std::string path = std::string(DRILLSIM_SOURCE_DIR) + "/scenarios/" + relative;
    const Document doc = read_or_fail(path);
    const auto rows = msel_rows(doc);
    const DocNode* injects = node_at(doc.root, "scenario.injects");
    REQUIRE(injects);
    REQUIRE(rows.size() == injects->items.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
      CAPTURE(rows[i].id);
      CHECK_FALSE(rows[i].kind.empty());
      CHECK(row_of(inject_of(rows[i])) == rows[i]);
    }
    // Setting the rows it has changes nothing.
    Document same = doc;
    set_msel_rows(same, rows);
    CHECK(same.root == doc.root);
  }
}

TEST_CASE("msel: every shipped scenario written from freshly made injects loads to the same model") {
  const auto dir = test::scratch_dir("rows_model");
  for (const char* seed : {"000_sanmenxia", "001_liaocheng", "002_beijing", "003_puyang", "004_tianjin"})
    test::copy_seed(dir, seed);
  for (const std::string& relative : test::shipped_scenarios()) {
    CAPTURE(relative);
    const std::string path = (dir / relative).string();
    Document doc = read_or_fail(path);
    // Every inject made again from its row (none kept as it was written).
    const auto rows = msel_rows(doc);
    DocNode* injects = doc.body()->find("injects");
    REQUIRE(injects);
    for (std::size_t i = 0; i < rows.size(); ++i) injects->items[i] = inject_of(rows[i]);
    const std::string original_journal = test::policy_journal(path);
    const std::string rewritten = (dir / relative).replace_extension(".rows.yaml").string();
    test::write_text(rewritten, emit(doc).text);
    CHECK(test::policy_journal(rewritten) == original_journal);
    // And reading it back gives the same rows.
    CHECK(msel_rows(read_or_fail(rewritten)) == rows);
  }
}

TEST_CASE("msel: rows set into a scenario keep unchanged injects and place a new list before the objectives") {
  const auto dir = test::scratch_dir("set_rows");
  test::copy_seed(dir, "002_beijing");
  Document doc = read_or_fail((dir / "002_beijing/scenarios/expert_absent.yaml").string());
  auto rows = msel_rows(doc);
  REQUIRE(rows.size() >= 3);
  const DocNode first = node_at(doc.root, "scenario.injects[0]") ? *node_at(doc.root, "scenario.injects[0]") : DocNode();
  rows[1].expect.zh = "改过的预期响应";
  std::swap(rows[2], rows[3]);
  set_msel_rows(doc, rows);
  CHECK(*node_at(doc.root, "scenario.injects[0]") == first);
  CHECK(node_at(doc.root, "scenario.injects[0]")->line == first.line);  // kept as written
  CHECK(msel_rows(doc) == rows);

  doc.body()->erase("injects");
  set_msel_rows(doc, rows);
  const DocNode* body = doc.body();
  const auto at = [&](const std::string& key) {
    return std::find(body->keys.begin(), body->keys.end(), key) - body->keys.begin();
  };
  CHECK(at("injects") + 1 == at("objectives"));
}

TEST_CASE("msel: a changed inject keeps the comment written above it") {
  Document doc =
      read_or_fail(std::string(DRILLSIM_SOURCE_DIR) + "/scenarios/000_sanmenxia/scenarios/annual_comprehensive.yaml");
  auto rows = msel_rows(doc);
  const DocNode* injects = node_at(doc.root, "scenario.injects");
  REQUIRE(injects);
  std::size_t commented = rows.size();
  for (std::size_t i = 0; i < injects->items.size() && commented == rows.size(); ++i)
    if (injects->items[i].comment.find("# ----") != std::string::npos) commented = i;
  REQUIRE(commented < rows.size());
  const std::string comment = injects->items[commented].comment;
  rows[commented].note.zh += "（已修改）";
  set_msel_rows(doc, rows);
  CHECK(node_at(doc.root, "scenario.injects")->items[commented].comment == comment);
  CHECK(row_of(node_at(doc.root, "scenario.injects")->items[commented]) == rows[commented]);
  const std::size_t from = comment.find("# ----");
  CHECK(emit(doc).text.find(comment.substr(from, comment.find('\n', from) - from)) != std::string::npos);
}
