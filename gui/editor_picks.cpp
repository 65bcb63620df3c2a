// Pick lists from a loaded model, labelled in the UI's language.
#include "gui/editor_picks.hpp"

#include <set>

#include "gui/strings.hpp"

namespace drillsim::gui {
namespace {

std::string label(const Text& name, const std::string& id) {
  const std::string& n = tx(name);
  return n.empty() || n == id ? id : n + " (" + id + ")";
}

template <typename T>
void add_all(Picks& out, const std::vector<T>& items) {
  for (const auto& item : items) out.push_back({item.id, label(item.name, item.id)});
}

}  // namespace

Picks picks_of(const Model& m, PickKind kind) {
  Picks out;
  switch (kind) {
    case PickKind::none: break;
    case PickKind::component: add_all(out, m.platform.components); break;
    case PickKind::room:
      for (const auto& c : m.platform.components)
        if (c.kind == ComponentKind::room) out.push_back({c.id, label(c.name, c.id)});
      break;
    case PickKind::post: add_all(out, m.organisation.posts); break;
    case PickKind::person: add_all(out, m.organisation.persons); break;
    case PickKind::fault_type: add_all(out, m.platform.fault_types); break;
    case PickKind::fact: add_all(out, m.catalog.facts); break;
    case PickKind::action: add_all(out, m.catalog.actions); break;
    case PickKind::procedure: add_all(out, m.plan.procedures); break;
    case PickKind::level: add_all(out, m.plan.levels); break;
    case PickKind::business_kind: {
      std::set<std::string> kinds = {"bid_opening", "bid_deadline", "decryption_deadline", "evaluation",
                                     "land_auction", "property_auction", "deposit"};
      for (const auto& b : m.scenario.calendar) kinds.insert(b.kind);
      for (const auto& k : kinds) out.push_back({k, k});
      break;
    }
  }
  return out;
}

std::vector<std::string> pick_labels(const Picks& picks) {
  std::vector<std::string> out;
  out.reserve(picks.size());
  for (const auto& p : picks) out.push_back(p.label);
  return out;
}

int pick_index(const Picks& picks, const std::string& id) {
  for (std::size_t i = 0; i < picks.size(); ++i)
    if (picks[i].id == id) return static_cast<int>(i);
  return -1;
}

PickKind target_pick(const std::string& k) {
  if (k == "fault" || k == "clear" || k == "load") return PickKind::component;
  if (k == "fire") return PickKind::room;
  if (k == "message") return PickKind::post;
  if (k == "absent" || k == "late") return PickKind::person;
  if (k == "fact") return PickKind::fact;
  return PickKind::none;
}

PickKind detail_pick(const std::string& k) {
  if (k == "fault" || k == "clear") return PickKind::fault_type;
  return PickKind::none;
}

const std::vector<std::string>& inject_kinds() {
  static const std::vector<std::string> kinds = {"fault", "clear", "message", "absent", "late", "fire", "load", "fact"};
  return kinds;
}

}  // namespace drillsim::gui

namespace drillsim::gui {

std::string when_template(int kind, const std::string& id, const std::string& time) {
  switch (kind) {
    case 0: return "{not_done: {action: " + id + ", by: \"" + time + "\"}}";
    case 1: return "{after: \"" + time + "\"}";
    case 2: return "{health: {component: " + id + ", is: not_up}}";
    default: return "{business: {kind: " + (id.empty() ? std::string("evaluation") : id) + ", is: pending}}";
  }
}

}  // namespace drillsim::gui
