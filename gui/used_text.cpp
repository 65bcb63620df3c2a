// Gathering the model's text and the engine's vocabulary.
#include "gui/used_text.hpp"

#include "sim/world/describe.hpp"
#include "sim/world/names.hpp"
#include "sim/world/timeline.hpp"

namespace drillsim::gui {
namespace {

struct Collector {
  const Model& m;
  std::string out;
  void add(const Text& t) {
    out += t.zh;
    out += t.en;
  }
  void add(const std::string& s) { out += s; }
  void condition(const Condition& c) {
    for (Lang l : {Lang::zh, Lang::en}) out += describe_condition(m, c, l);
  }
  void duration(SimTime s) {
    for (Lang l : {Lang::zh, Lang::en}) out += describe_duration(s, l);
  }
  void posts(const std::vector<Ix>& p) {
    for (Lang l : {Lang::zh, Lang::en}) out += describe_posts(m, p, l);
  }
};

}  // namespace

std::string model_text(const Model& m) {
  Collector c{m, {}};
  const Organisation& o = m.organisation;
  c.add(o.name);
  for (const auto& g : o.groups) c.add(g.name);
  for (const auto& p : o.persons) c.add(p.name);
  for (const auto& p : o.posts) c.add(p.name);
  for (const auto& p : o.parties) c.add(p.name);
  c.add(m.platform.name);
  for (const auto& comp : m.platform.components) {
    c.add(comp.name);
    for (const auto& s : comp.symptoms) {
      c.add(s.from);
      c.add(s.text);
    }
  }
  for (const auto& f : m.platform.fault_types) {
    c.add(f.name);
    c.add(f.cause);
  }
  for (const auto& f : m.catalog.facts) c.add(f.name);
  for (const auto& a : m.catalog.actions) {
    c.add(a.name);
    for (const auto& e : a.effects) c.add(e.text);
    for (const auto& r : a.observe) c.add(r.text);
    c.condition(a.precondition);
    c.duration(static_cast<SimTime>(a.duration.mean()));
  }
  const Plan& p = m.plan;
  c.add(p.name);
  c.add(p.source);
  for (const auto& l : p.levels) {
    c.add(l.name);
    c.condition(l.when);
    c.posts(l.declared_by);
  }
  c.duration(p.grading.within);
  c.duration(p.reporting.first_within);
  c.duration(p.reporting.cycle);
  c.duration(p.reporting.summary_within);
  for (const auto& proc : p.procedures) {
    c.add(proc.name);
    c.add(proc.source);
    c.condition(proc.trigger);
    c.condition(proc.resolved);
    c.duration(proc.within);
    for (const auto& s : proc.steps) {
      c.add(s.text);
      c.add(s.source);
      c.posts(s.responsible);
      c.posts(s.cooperating);
      c.duration(s.within);
      for (const auto& b : s.branches) {
        c.add(b.note);
        c.condition(b.when);
      }
    }
  }
  for (const auto& r : p.rules) {
    c.add(r.text);
    c.add(r.source);
  }
  const Scenario& s = m.scenario;
  c.add(s.name);
  c.add(s.description);
  for (const auto& b : s.calendar) c.add(b.name);
  for (const auto& i : s.injects) {
    c.add(i.from);
    c.add(i.text);
    c.add(i.note);
    c.add(i.expect);
    c.condition(i.when);
  }
  for (const auto& obj : s.objectives) c.add(obj.text);
  return c.out;
}

std::string engine_vocabulary(const Model& m) {
  static const char* results[] = {
      "up", "degraded", "down", "downtime", "held", "held_fallback", "delayed", "missed", "waiting", "postponed",
      "absent", "late", "arrived", "set", "cleared", "on", "standby", "switched_off", "moved_out", "destroyed",
      "overheated", "battery_empty", "on_battery", "charging", "empty", "rising", "falling", "started", "too_big",
      "extinguished", "data_lost", "queued", "report", "notify", "declare_level", "start_emergency",
      "end_emergency", "notice", "summary_report", "not_allowed", "nobody_at_post", "bad_target", "precondition",
      "drill_over", "unknown"};
  std::string out;
  for (int k = 0; k <= static_cast<int>(EntryKind::note); ++k) {
    for (const char* r : results) {
      JournalEntry e;
      e.kind = static_cast<EntryKind>(k);
      e.result = r;
      e.value = 754;
      e.actor = "a";
      e.target = "t";
      e.from = Text{"n", "n"};
      for (Lang l : {Lang::zh, Lang::en}) out += render_entry(m, e, l);
    }
  }
  for (auto h : {Health::up, Health::degraded, Health::down}) out += health_name(h);
  return out;
}

}  // namespace drillsim::gui
