// Undo and redo: every recorded edit can be taken back and redone, a new edit drops the redo
// branch, edits that change nothing are not kept, and "dirty" follows the saved state.
#include "authoring/history.hpp"
#include "document_test_util.hpp"

using namespace drillsim;
using namespace drillsim::authoring;

namespace {

DocNode state_with(const std::string& value) {
  DocNode root = DocNode::map();
  root.set("scenario", DocNode::map()).set("id", DocNode::text(value));
  return root;
}

std::string id_of(const DocNode& root) { return node_at(root, "scenario.id")->value; }

}  // namespace

TEST_CASE("undo and redo walk back and forth through the recorded edits, with their labels") {
  History history;
  CHECK_FALSE(history.can_undo());
  CHECK_FALSE(history.can_redo());
  CHECK(history.undo_label().empty());

  DocNode doc = state_with("a");
  history.reset(doc);
  CHECK_FALSE(history.dirty());
  doc = state_with("b");
  history.record(doc, "rename to b");
  doc = state_with("c");
  history.record(doc, "rename to c");
  CHECK(history.dirty());
  CHECK(history.undo_label() == "rename to c");
  CHECK(history.redo_label().empty());

  REQUIRE(history.undo(doc));
  CHECK(id_of(doc) == "b");
  CHECK(history.undo_label() == "rename to b");
  CHECK(history.redo_label() == "rename to c");
  REQUIRE(history.undo(doc));
  CHECK(id_of(doc) == "a");
  CHECK_FALSE(history.can_undo());
  CHECK_FALSE(history.undo(doc));
  CHECK(id_of(doc) == "a");
  CHECK_FALSE(history.dirty());  // back at the state that was opened

  REQUIRE(history.redo(doc));
  REQUIRE(history.redo(doc));
  CHECK(id_of(doc) == "c");
  CHECK_FALSE(history.redo(doc));

  // A new edit after an undo drops the redo branch.
  REQUIRE(history.undo(doc));
  doc = state_with("d");
  history.record(doc, "rename to d");
  CHECK_FALSE(history.can_redo());
  REQUIRE(history.undo(doc));
  CHECK(id_of(doc) == "b");
  CHECK(history.redo_label() == "rename to d");
}

TEST_CASE("dirty follows the saved state; an edit that changes nothing is not recorded") {
  History history;
  DocNode doc = state_with("a");
  history.reset(doc);
  doc = state_with("b");
  history.record(doc, "b");
  history.mark_saved();
  CHECK_FALSE(history.dirty());

  history.record(doc, "no change");  // e.g. a text field left without typing
  CHECK(history.undo_label() == "b");
  CHECK_FALSE(history.dirty());

  // Presentation counts as an edit (a text now written in quotes).
  DocNode quoted = doc;
  node_at(quoted, "scenario.id")->quoted = true;
  history.record(quoted, "quote");
  CHECK(history.dirty());
  REQUIRE(history.undo(doc));
  CHECK_FALSE(history.dirty());
  REQUIRE(history.undo(doc));
  CHECK(history.dirty());  // before the save

  // The saved state is on a branch that a new edit drops: dirty until saved again.
  doc = state_with("x");
  history.record(doc, "x");
  REQUIRE(history.undo(doc));
  CHECK(history.dirty());
  history.mark_saved();
  CHECK_FALSE(history.dirty());
}

TEST_CASE("the history keeps at most `limit` states; the oldest go first") {
  History history(5);
  DocNode doc = state_with("0");
  history.reset(doc);
  history.mark_saved();
  for (int i = 1; i <= 10; ++i) history.record(state_with(std::to_string(i)), "edit " + std::to_string(i));
  int undos = 0;
  while (history.undo(doc)) ++undos;
  CHECK(undos == 4);
  CHECK(id_of(doc) == "6");
  CHECK(history.dirty());  // the saved state is gone: never clean again until saved
  while (history.redo(doc)) {
  }
  CHECK(id_of(doc) == "10");
}

TEST_CASE("undo restores a real document after editor-style edits") {
  const Document original = test::read_or_fail(test::source_path("scenarios/002_beijing/scenarios/expert_absent.yaml"));
  Document doc = original;
  History history;
  history.reset(doc.root);
  DocNode* injects = node_at(doc.root, "scenario.injects");
  REQUIRE(injects);
  injects->items.push_back(injects->items[0]);  // duplicate
  node_at(doc.root, "scenario.injects[" + std::to_string(injects->items.size() - 1) + "].id")->value = "copy";
  history.record(doc.root, "duplicate inject");
  injects = node_at(doc.root, "scenario.injects");
  injects->items.erase(injects->items.begin());  // delete
  history.record(doc.root, "delete inject");
  REQUIRE(history.undo(doc.root));
  REQUIRE(history.undo(doc.root));
  CHECK(doc.root == original.root);
  CHECK(emit(doc).text == emit(original).text);
  CHECK_FALSE(history.dirty());
}
