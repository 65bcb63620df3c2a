// The editable document: map helpers and paths, reading with the loader's checks, the canonical
// writer, and the round trip (read -> write -> read gives the same tree, and the written files
// load to the same model: every shipped scenario plays the same journal from the rewritten chain).
#include <functional>
#include <map>
#include <random>

#include "authoring/document.hpp"
#include "document_test_util.hpp"
#include "sim/load/loader.hpp"
#include "sim/world/plan_policy.hpp"

using namespace drillsim;
using namespace drillsim::authoring;

namespace {

Document parse_or_fail(std::string_view text, const std::string& path = "/tmp/doc.yaml") {
  Document doc;
  Diagnostics problems;
  const bool ok = parse_document(text, path, doc, problems);
  std::string listed;
  for (const auto& p : problems) listed += p.str() + "\n";
  INFO(text);
  INFO(listed);
  REQUIRE(ok);
  return doc;
}

// Every node of a tree with its path.
void walk(const DocNode& node, const DocPath& path, const std::function<void(const DocNode&, const DocPath&)>& f) {
  f(node, path);
  if (node.is_map())
    for (std::size_t i = 0; i < node.keys.size(); ++i) walk(node.items[i], child_path(path, node.keys[i]), f);
  if (node.is_sequence())
    for (std::size_t i = 0; i < node.items.size(); ++i) walk(node.items[i], item_path(path, i), f);
}

bool is_bool_word(const std::string& s) {
  return s == "true" || s == "True" || s == "TRUE" || s == "false" || s == "False" || s == "FALSE";
}

// The journal of the plan-following policy on a loaded scenario.
std::string policy_journal(const LoadResult& r) {
  Drill drill(r.model);
  PlanPolicy policy(*r.model);
  run_with_policy(drill, policy);
  return drill.journal().to_jsonl();
}

std::string problems_of(const LoadResult& r) {
  std::string listed;
  for (const auto& p : r.problems) listed += p.str() + "\n";
  return listed;
}

}  // namespace

TEST_CASE("DocNode map helpers: set appends or replaces in place, erase, get, a null becomes a map") {
  DocNode node;
  CHECK(node.is_null());
  node.set("id", DocNode::text("x"));
  REQUIRE(node.is_map());
  node.set("name", DocNode::map(true)).set("zh", DocNode::text("名称"));
  node.set("at", DocNode::text("09:00", true));
  node.set("id", DocNode::text("y"));
  CHECK(node.keys == std::vector<std::string>{"id", "name", "at"});
  CHECK(node.get("id") == "y");
  CHECK(node.get("name", "none") == "none");  // not a text
  CHECK(node.get("missing", "fallback") == "fallback");
  CHECK(node.find("name")->get("zh") == "名称");
  CHECK(node.erase("name"));
  CHECK_FALSE(node.erase("name"));
  CHECK(node.keys == std::vector<std::string>{"id", "at"});
  CHECK(node.items.size() == 2);

  // Equality is about content: flow, quoted and line are presentation.
  DocNode a = DocNode::text("09:00", true);
  DocNode b = DocNode::text("09:00", false);
  b.line = 7;
  CHECK(a == b);
  CHECK_FALSE(a == DocNode::text("09:01"));
  CHECK(DocNode::map(true) == DocNode::map(false));
  CHECK_FALSE(DocNode::map() == DocNode::list());
  CHECK_FALSE(DocNode() == DocNode::text(""));
}

TEST_CASE("paths: building them, and node_at down maps and lists (keys may hold dots)") {
  CHECK(child_path("", "scenario") == "scenario");
  CHECK(child_path("scenario", "injects") == "scenario.injects");
  CHECK(item_path("scenario.injects", 3) == "scenario.injects[3]");
  CHECK(parent_path("scenario.injects[3].message.text.zh") == "scenario.injects[3].message.text");
  CHECK(parent_path("scenario.injects[3]") == "scenario.injects");
  CHECK(parent_path("scenario") == "");
  CHECK(parent_path("") == "");

  const Document doc = parse_or_fail(
      "scenario:\n"
      "  id: s\n"
      "  injects:\n"
      "    - id: a\n"
      "      message: {to: x, text: {zh: 你好, en: Hello}}\n"
      "    - id: b\n"
      "  odd:\n"
      "    v1.2: dotted\n"
      "    v1: plain\n");
  CHECK(node_at(doc.root, "") == &doc.root);
  CHECK(node_at(doc.root, "scenario") == doc.body());
  REQUIRE(node_at(doc.root, "scenario.injects[0].message.text.zh"));
  CHECK(node_at(doc.root, "scenario.injects[0].message.text.zh")->value == "你好");
  CHECK(node_at(doc.root, "scenario.injects[1].id")->value == "b");
  CHECK(node_at(doc.root, "scenario.odd.v1.2")->value == "dotted");
  CHECK(node_at(doc.root, "scenario.odd.v1")->value == "plain");
  CHECK(node_at(doc.root, "scenario.injects[2]") == nullptr);
  CHECK(node_at(doc.root, "scenario.injects[x]") == nullptr);
  CHECK(node_at(doc.root, "scenario.injects[0].nothing") == nullptr);
  CHECK(node_at(doc.root, "scenario.id[0]") == nullptr);
  CHECK(node_at(doc.root, "scenario.id.more") == nullptr);

  Document copy = doc;
  node_at(copy.root, "scenario.injects[1].id")->value = "c";
  CHECK(copy.body()->find("injects")->items[1].get("id") == "c");
  CHECK(doc.kind() == "scenario");
}

TEST_CASE("reading keeps the header comments, lines and how texts were written; bad files are refused") {
  const Document doc = parse_or_fail(
      "\xEF\xBB\xBF# First comment\n"
      "#   second, indented text\n"
      "\n"
      "# third after a blank line\n"
      "plan:\n"
      "  # not part of the header\n"
      "  id: p\n"
      "  version: \"2017-05\"\n"
      "  flag: true\n"
      "  tags: [a, b]\n");
  CHECK(doc.header == "# First comment\n#   second, indented text\n\n# third after a blank line\n");
  CHECK(doc.kind() == "plan");
  const DocNode& body = *doc.body();
  CHECK(body.line == 7);
  CHECK(body.find("version")->quoted);
  CHECK(body.find("version")->line == 8);
  CHECK_FALSE(body.find("flag")->quoted);
  CHECK(body.find("tags")->flow);
  CHECK_FALSE(body.flow);

  CHECK(parse_or_fail("scenario:\n  id: x\n").header.empty());

  for (std::string_view bad : {std::string_view("a: &x 1\nb: *x\n"), std::string_view("a: 1\na: 2\n"),
                               std::string_view("a: [1, 2\n"), std::string_view("")}) {
    Document out;
    Diagnostics problems;
    CHECK_FALSE(parse_document(bad, "bad.yaml", out, problems));
    REQUIRE_FALSE(problems.empty());
    CHECK(problems[0].file == "bad.yaml");
  }
  Document out;
  Diagnostics problems;
  CHECK_FALSE(read_document("/nonexistent/drillsim/none.yaml", out, problems));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].str() == "/nonexistent/drillsim/none.yaml: no such file");
}

TEST_CASE("the canonical style: block maps and lists, items as '- id: x', flow kept, texts quoted only when needed") {
  const Document doc = parse_or_fail(
      "# header\n"
      "scenario:\n"
      "    id:   s1\n"
      "    name: {zh: 中文名称, en: 'A name'}\n"
      "    start: \"2026-06-10 08:30\"\n"
      "    trainees: [a, b]\n"
      "    empty_list: []\n"
      "    nothing:\n"
      "    injects:\n"
      "    -   id: x\n"
      "        at: '+10m'\n"
      "        text: |\n"
      "          line one\n"
      "          line two\n"
      "        when: {all: [{after: \"11:20\"}, {not_done: {action: y}}]}\n"
      "    -   plain item\n"
      "    -\n"
      "    -   - nested\n"
      "        - list\n");
  const Emitted e = emit(doc);
  CHECK(e.text ==
        "scenario:\n"
        "  id: s1\n"
        "  name: {zh: 中文名称, en: \"A name\"}\n"
        "  start: \"2026-06-10 08:30\"\n"
        "  trainees: [a, b]\n"
        "  empty_list: []\n"
        "  nothing:\n"
        "  injects:\n"
        "    - id: x\n"
        "      at: \"+10m\"\n"
        "      text: \"line one\\nline two\\n\"\n"
        "      when: {all: [{after: \"11:20\"}, {not_done: {action: y}}]}\n"
        "    - plain item\n"
        "    -\n"
        "    -\n"
        "      - nested\n"
        "      - list\n");
  CHECK(parse_or_fail(e.text).root == doc.root);
  CHECK(e.path_at(1) == "scenario");
  CHECK(e.path_at(2) == "scenario.id");
  CHECK(e.path_at(9) == "scenario.injects[0]");
  CHECK(e.path_at(10) == "scenario.injects[0].at");
  CHECK(e.path_at(13) == "scenario.injects[1]");
  CHECK(e.path_at(100) == "scenario.injects[3][1]");
  CHECK(e.path_at(0).empty());
  // Columns tell the key, the value and the item apart.
  CHECK(e.path_at(9, 5) == "scenario.injects");     // the list starts at its first dash
  CHECK(e.path_at(9, 7) == "scenario.injects[0]");  // where the item's map starts (its first key)
  CHECK(e.path_at(9, 11) == "scenario.injects[0].id");
  CHECK(e.path_at(12, 30) == "scenario.injects[0].when.all[0].after");
  CHECK(e.path_at(3, 22) == "scenario.name.en");  // columns count characters, not bytes
  CHECK(e.line_of("scenario.injects[0].when.all[1].not_done.action") == 12);
  CHECK(e.line_of("scenario.injects[0].text.zh") == 11);  // nearest written ancestor
  CHECK(e.line_of("scenario.injects") == 8);
  CHECK(e.line_of("nowhere") == 0);

  // An edit made in the editor (line 0, no flags) is written in block style.
  Document edited = doc;
  DocNode message = DocNode::map();
  message.set("to", DocNode::text("opening_admin"));
  message.set("text", DocNode::map()).set("zh", DocNode::text("说明：现在开始"));
  edited.body()->find("injects")->items[0].set("message", message);
  const Emitted e2 = emit(edited);
  CHECK(e2.text.find("      message:\n        to: opening_admin\n        text:\n          zh: \"说明：现在开始\"\n") ==
        std::string::npos);  // a full-width colon is not a YAML indicator: written plain
  CHECK(e2.text.find("      message:\n        to: opening_admin\n        text:\n          zh: 说明：现在开始\n") !=
        std::string::npos);
  CHECK(parse_or_fail(e2.text).root == edited.root);
}

TEST_CASE("comment lines inside the file are kept with the entry or item below them, never taken from texts") {
  const std::string text =
      "# header\n"
      "\n"
      "scenario:\n"
      "  id: s\n"
      "\n"
      "\n"
      "  # about the injects\n"
      "  injects:\n"
      "    # first inject\n"
      "    - id: a\n"
      "      # ASSUMPTION: the note\n"
      "      note: |\n"
      "        # not a comment\n"
      "\n"
      "        # nor this\n"
      "      # about b\n"
      "    - id: b\n"
      "      text: \"two\n"
      "        # inside the quotes\n"
      "        lines\"\n"
      "      flow: {a: 1,\n"
      "        # lost inside braces\n"
      "        b: 2}\n"
      "      single: 'it''s\n"
      "        # inside too'\n"
      "      last: x\n";
  const Document doc = parse_or_fail(text);
  CHECK(doc.header == "# header\n");
  CHECK(doc.root.items[0].comment == "\n");
  CHECK(node_at(doc.root, "scenario.id")->comment.empty());
  CHECK(node_at(doc.root, "scenario.injects")->comment == "\n# about the injects\n");
  CHECK(node_at(doc.root, "scenario.injects[0]")->comment == "# first inject\n");
  CHECK(node_at(doc.root, "scenario.injects[0].id")->comment.empty());
  CHECK(node_at(doc.root, "scenario.injects[0].note")->comment == "# ASSUMPTION: the note\n");
  CHECK(node_at(doc.root, "scenario.injects[0].note")->value == "# not a comment\n\n# nor this\n");
  CHECK(node_at(doc.root, "scenario.injects[1]")->comment == "# about b\n");
  CHECK(node_at(doc.root, "scenario.injects[1].flow")->comment.empty());
  CHECK(node_at(doc.root, "scenario.injects[1].flow.b")->comment.empty());
  CHECK(node_at(doc.root, "scenario.injects[1].single")->comment.empty());
  CHECK(node_at(doc.root, "scenario.injects[1].last")->comment.empty());

  const Emitted e = emit(doc);
  CHECK(e.text ==
        "\n"
        "scenario:\n"
        "  id: s\n"
        "\n"
        "  # about the injects\n"
        "  injects:\n"
        "    # first inject\n"
        "    - id: a\n"
        "      # ASSUMPTION: the note\n"
        "      note: \"# not a comment\\n\\n# nor this\\n\"\n"
        "    # about b\n"
        "    - id: b\n"
        "      text: \"two # inside the quotes lines\"\n"
        "      flow: {a: 1, b: 2}\n"
        "      single: \"it's # inside too\"\n"
        "      last: x\n");
  CHECK(e.path_at(5) == "scenario.id");  // a comment line belongs to the node above
  CHECK(e.line_of("scenario.injects") == 6);
  const Document back = parse_or_fail(doc.header + e.text);
  CHECK(back.root == doc.root);
  CHECK(emit(back).text == e.text);

  // Set in the editor: lines without '#' get one; replacing an entry keeps its comment.
  Document edited = doc;
  node_at(edited.root, "scenario.injects[1]")->set("last", DocNode::text("y"));
  node_at(edited.root, "scenario.injects[1].last")->comment = "why y\n";
  edited.body()->set("id", DocNode::text("t"));
  const std::string out = emit(edited).text;
  CHECK(out.find("      # why y\n      last: y\n") != std::string::npos);
  CHECK(out.find("\nscenario:\n  id: t\n") != std::string::npos);
}

TEST_CASE("texts that YAML would read otherwise are quoted; every one reads back the same, in block and flow") {
  const std::vector<std::string> texts = {
      "", " lead", "trail ", "a: b", "a:b", "ends:", "a #b", "#x", "- x", "-", "--- x", "...", "? x", ": x",
      "[x]", "{x}", "a, b", "a [b] {c}", "true", "false", "null", "Null", "~", "yes", "09:00", "+10m", "-5", "0x1F",
      "1e3", ".5", "'single'", "\"double\"", "it's", "back\\slash", "&anchor", "*alias", "!tag", "%x", "@x", "`x",
      "|", ">", "multi\nline\n", "tab\there", "cr\r", "bell\x07", "del\x7f", "中文：全角，标点。", "说明 #1",
      "nel\xC2\x85here", "ls\xE2\x80\xA8here", "ps\xE2\x80\xA9here", "bom\xEF\xBB\xBFhere", "a  two  spaces",
      "x % y", "x | y", "url http://example.org/a?b=c", "a#b", "x: ", "a:,b",
      "a:[b]", "a:{b}", "10:20仍未上报时发出", "09:00-17:00", "key: value # note",
      std::string(1100, 'k') + ": long"};  // keys over 1024 characters are written as "? key"
  for (const std::string& t : texts) {
    for (bool quoted : {false, true}) {
      for (bool flow : {false, true}) {
        Document doc;
        doc.root = DocNode::map();
        DocNode& body = doc.root.set("scenario", DocNode::map(flow));
        body.set("v", DocNode::text(t, quoted));
        body.set(t.empty() ? "k" : t, DocNode::list(flow)).items.push_back(DocNode::text(t, quoted));
        const Emitted e = emit(doc);
        INFO("text [" << t << "] quoted " << quoted << " flow " << flow << "\n" << e.text);
        const Document back = parse_or_fail(e.text);
        CHECK(back.root == doc.root);
        if (quoted) CHECK(back.body()->find("v")->quoted);
        if (is_bool_word(t) && !quoted) CHECK_FALSE(back.body()->find("v")->quoted);
        const bool escaped_unicode = e.text.find("\\u") != std::string::npos;
        bool odd = false;  // Unicode line breaks and the BOM are escaped, nothing else
        for (const char* c : {"\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xEF\xBB\xBF"})
          odd = odd || t.find(c) != std::string::npos;
        CHECK(escaped_unicode == odd);
      }
    }
  }
}

TEST_CASE("mutated files: whatever reads as a document writes back to the same tree") {
  // YAML's special characters put at random places in a few shipped files (a fixed seed).
  const std::string specials = ": #'\"-[]{},|>\n\t!&*?%@`~\\\xE4\xB8\xAD";
  std::vector<std::string> seeds;
  for (const char* f : {"scenarios/002_beijing/scenarios/expert_absent.yaml", "scenarios/rubric.yaml",
                        "tests/sim/load/data/mini_scenario.yaml", "tests/sim/load/data/mini_plan.yaml"})
    seeds.push_back(test::read_file(test::source_path(f)));
  std::mt19937 random(20261121);
  int documents = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string text = seeds[random() % seeds.size()];
    const int edits = 1 + static_cast<int>(random() % 3);
    for (int e = 0; e < edits; ++e) {
      const std::size_t at = random() % text.size();
      const char c = specials[random() % specials.size()];
      switch (random() % 3) {
        case 0:
          text[at] = c;
          break;
        case 1:
          text.insert(at, 1, c);
          break;
        default:
          text.erase(at, 1);
          break;
      }
    }
    Document doc;
    Diagnostics problems;
    if (!parse_document(text, "mutated.yaml", doc, problems)) continue;
    ++documents;
    const std::string written = doc.header + emit(doc).text;
    Document back;
    Diagnostics again;
    const bool ok = parse_document(written, "mutated.yaml", back, again);
    INFO("round " << round << "\n--- mutated:\n" << text << "\n--- written:\n" << written);
    REQUIRE(ok);
    REQUIRE(back.root == doc.root);
    REQUIRE(back.header == doc.header);
  }
  MESSAGE("mutated texts that read as documents: " << documents << " of 3000");
  CHECK(documents > 300);
}

TEST_CASE("every shipped YAML file round-trips: the same tree, quoting kept, lines and paths agree") {
  const auto files = test::shipped_yaml_files();
  REQUIRE(files.size() > 50);
  int line_end_comments = 0;
  for (const std::string& file : files) {
    INFO(file);
    const Document doc = test::read_or_fail(file);
    const Emitted e = emit(doc);
    const Document back = parse_or_fail(e.text, file);
    CHECK(back.root == doc.root);
    CHECK(emit(back).text == e.text);  // writing is stable
    CHECK(e.text.find("\\u") == std::string::npos);  // Chinese is written as is
    // The header is every comment line before the content, as written.
    const std::string original = test::read_file(file);
    CHECK(original.substr(0, doc.header.size()) == doc.header);
    // What was quoted stays quoted; true/false written plain stay plain (booleans).
    std::vector<const DocNode*> before, after;
    walk(doc.root, "", [&](const DocNode& n, const DocPath&) { before.push_back(&n); });
    walk(back.root, "", [&](const DocNode& n, const DocPath&) { after.push_back(&n); });
    REQUIRE(before.size() == after.size());
    for (std::size_t i = 0; i < before.size(); ++i) {
      if (before[i]->quoted) CHECK(after[i]->quoted);
      CHECK(after[i]->trailing == before[i]->trailing);  // comments ending a line stay
      line_end_comments += !before[i]->trailing.empty();
      if (before[i]->is_scalar() && !before[i]->quoted && is_bool_word(before[i]->value)) CHECK_FALSE(after[i]->quoted);
    }
    // Each node's line in the written text is the line Emitted notes for its path.
    walk(back.root, "", [&](const DocNode& n, const DocPath& path) {
      if (path.empty() || n.is_null()) return;
      INFO(path);
      bool noted = false;
      for (const Emitted::Place& p : e.places) noted = noted || (p.path == path && p.line == n.line);
      CHECK(noted);
      CHECK(e.line_of(path) <= n.line);  // the field's key, or the node itself
      CHECK(e.line_of(path) > 0);
    });
  }
  MESSAGE(line_end_comments << " comments ending a line in the shipped files, kept");
  CHECK(line_end_comments >= 10);
}

TEST_CASE("the rewritten files load to the same model: every shipped scenario plays the same journal") {
  // All files rewritten at once, given to the loader as unsaved texts in place of the originals.
  UnsavedTexts rewritten;
  for (const std::string& file : test::shipped_yaml_files()) {
    const Document doc = test::read_or_fail(file);
    rewritten[unsaved_key(file)] = doc.header + emit(doc).text;
  }
  int scenarios = 0, others = 0;
  for (const std::string& file : test::shipped_yaml_files()) {
    const LoadResult original = load_file(file);
    if (!original.ok()) continue;  // responses, the rubric: not model files
    INFO(file);
    const LoadResult again = load_file_with(file, rewritten);
    INFO(problems_of(again));
    REQUIRE(again.ok());
    CHECK(again.kind == original.kind);
    if (original.kind == FileKind::scenario) {
      CHECK(policy_journal(again) == policy_journal(original));
      ++scenarios;
    } else {
      const Model& a = *original.model;
      const Model& b = *again.model;
      CHECK(a.plan.id == b.plan.id);
      CHECK(a.plan.procedures.size() == b.plan.procedures.size());
      CHECK(a.catalog.actions.size() == b.catalog.actions.size());
      CHECK(a.platform.components.size() == b.platform.components.size());
      CHECK(a.organisation.posts.size() == b.organisation.posts.size());
      ++others;
    }
  }
  MESSAGE("scenarios compared by journal: " << scenarios << ", other model files: " << others);
  CHECK(scenarios >= 40);
  CHECK(others >= 20);
}

TEST_CASE("the format documentation's examples round-trip") {
  const std::string format = test::read_file(test::source_path("docs/format.md"));
  int examples = 0;
  for (std::size_t at = format.find("```yaml\n"); at != std::string::npos; at = format.find("```yaml\n", at)) {
    at += 8;
    const std::size_t end = format.find("```", at);
    if (end == std::string::npos) break;
    const std::string text = format.substr(at, end - at);
    Document doc;
    Diagnostics problems;
    if (!parse_document(text, "example.yaml", doc, problems)) continue;  // fragments that are not YAML alone
    INFO(text);
    CHECK(parse_or_fail(emit(doc).text).root == doc.root);
    ++examples;
  }
  MESSAGE("format.md examples round-tripped: " << examples);
  CHECK(examples > 0);
}

TEST_CASE("a comment at the end of a line stays at the end of that line when saved") {
  const std::string text =
      "scenario:  # the drill\n"
      "  id: s  # never renamed\n"
      "  name: {zh: 演练, en: Drill}   # both languages\n"
      "  text: \"a # b\"  # the quotes keep their '#'\n"
      "  plain: don't # an apostrophe opens no text\n"
      "  url: a#b\n"
      "  empty:  # nothing yet\n"
      "  injects:  # in time order\n"
      "    - id: a  # the first\n"
      "      at: \"09:00\"\n"
      "    - [x, y]  # a pair\n"
      "    - z  # last\n"
      "    -\n"
      "  two: \"spans\n"
      "    lines\"  # not kept: the text's first line has no comment\n";
  Document doc = parse_or_fail(text);
  CHECK(doc.root.items[0].trailing == "# the drill");
  CHECK(node_at(doc.root, "scenario.id")->trailing == "# never renamed");
  CHECK(node_at(doc.root, "scenario.name")->trailing == "# both languages");
  CHECK(node_at(doc.root, "scenario.text")->value == "a # b");
  CHECK(node_at(doc.root, "scenario.text")->trailing == "# the quotes keep their '#'");
  CHECK(node_at(doc.root, "scenario.plain")->value == "don't");
  CHECK(node_at(doc.root, "scenario.plain")->trailing == "# an apostrophe opens no text");
  CHECK(node_at(doc.root, "scenario.url")->trailing.empty());
  CHECK(node_at(doc.root, "scenario.empty")->trailing == "# nothing yet");
  CHECK(node_at(doc.root, "scenario.injects")->trailing == "# in time order");
  CHECK(node_at(doc.root, "scenario.injects[0]")->trailing.empty());  // its first entry's line
  CHECK(node_at(doc.root, "scenario.injects[0].id")->trailing == "# the first");
  CHECK(node_at(doc.root, "scenario.injects[1]")->trailing == "# a pair");
  CHECK(node_at(doc.root, "scenario.injects[2]")->trailing == "# last");
  CHECK(node_at(doc.root, "scenario.injects[3]")->trailing.empty());
  CHECK(node_at(doc.root, "scenario.two")->trailing.empty());

  // An edit keeps the comment of the value it replaces.
  node_at(doc.root, "scenario")->set("id", DocNode::text("s2"));
  const Emitted e = emit(doc);
  CHECK(e.text ==
        "scenario:  # the drill\n"
        "  id: s2  # never renamed\n"
        "  name: {zh: 演练, en: Drill}  # both languages\n"
        "  text: \"a # b\"  # the quotes keep their '#'\n"
        "  plain: don't  # an apostrophe opens no text\n"
        "  url: a#b\n"
        "  empty:  # nothing yet\n"
        "  injects:  # in time order\n"
        "    - id: a  # the first\n"
        "      at: \"09:00\"\n"
        "    - [x, y]  # a pair\n"
        "    - z  # last\n"
        "    -\n"
        "  two: \"spans lines\"\n");
  // Saved and read again: the same document, comments included.
  const Document again = parse_or_fail(e.text);
  CHECK(again.root == doc.root);
  CHECK(node_at(again.root, "scenario.injects[0].id")->trailing == "# the first");
  CHECK(emit(again).text == e.text);
}
