// What the authoring screens offer to pick instead of typing ids: components, rooms, posts, persons,
// fault types, facts, actions, procedures, business kinds, built from the last good Model.
#pragma once

#include <string>
#include <vector>

#include "sim/model/model.hpp"

namespace drillsim::gui {

struct Pick {
  std::string id;
  std::string label;  // "名称 (id)" in the UI's language
};
using Picks = std::vector<Pick>;

enum class PickKind { none, component, room, post, person, fault_type, fact, action, procedure, business_kind, level };

Picks picks_of(const Model& m, PickKind kind);
// The labels, for a combo; the index of id (-1 when absent).
std::vector<std::string> pick_labels(const Picks& picks);
int pick_index(const Picks& picks, const std::string& id);

// What an inject's target and detail are picked from, by its kind (fault, clear, message ...).
PickKind target_pick(const std::string& inject_kind);
PickKind detail_pick(const std::string& inject_kind);

// The inject kinds of the format, in the MSEL's order.
const std::vector<std::string>& inject_kinds();

}  // namespace drillsim::gui

namespace drillsim::gui {
// The quick templates of a contingency's condition, as flow YAML: 0 not_done (id: an action, by
// time), 1 after (time), 2 health (id: a component, not up), 3 business (id: a kind, pending).
std::string when_template(int kind, const std::string& id, const std::string& time);
constexpr const char* when_template_names[] = {"not_done", "after", "health", "business"};
}  // namespace drillsim::gui
