// Replaying a journal one time slice at a time (mirrors sim/world/replay.cpp, which plays it in one go).
#include "scoring/replay_watch.hpp"

namespace drillsim::scoring {
namespace {

// Runs every event up to t one slice at a time, then sets the clock to t.
void go(Drill& drill, SimTime t, const Watch& watch) {
  while (!drill.finished() && drill.next_event_time() <= t) {
    drill.step();
    if (watch.on_slice) watch.on_slice(drill);
  }
  drill.advance_to(t);
}

Inject live_inject_of(const Model& m, const JournalEntry& e) {
  Inject inj;
  inj.id = e.subject;
  inj.kind = static_cast<Inject::Kind>(std::stoi(e.result.empty() ? "0" : e.result));
  inj.at = e.value;
  inj.component = e.target.empty() ? no_ix : m.find_component(e.target);
  switch (inj.kind) {
    case Inject::Kind::fault:
    case Inject::Kind::clear: inj.ref = m.find_fault_type(e.action); break;
    case Inject::Kind::message: inj.ref = e.post.empty() ? no_ix : m.find_post(e.post); break;
    case Inject::Kind::absent:
    case Inject::Kind::late: inj.ref = m.find_person(e.action); break;
    case Inject::Kind::fact: inj.ref = m.find_fact(e.action); break;
    default: break;
  }
  inj.text = e.text;
  inj.from = e.from;
  return inj;
}

}  // namespace

std::unique_ptr<Drill> replay_watched(std::shared_ptr<const Model> model, const std::vector<JournalEntry>& journal,
                                      const Watch& watch, std::string& error) {
  if (journal.empty() || journal.front().kind != EntryKind::drill_start) {
    error = "the journal does not begin with drill_start";
    return nullptr;
  }
  const JournalEntry& first = journal.front();
  if (first.subject != model->scenario.id) {
    error = "the journal is of scenario '" + first.subject + "', not '" + model->scenario.id + "'";
    return nullptr;
  }
  DrillOptions options;
  options.seed = static_cast<std::uint64_t>(first.value);
  options.seed_given = true;
  auto drill = std::make_unique<Drill>(model, options);
  // The constructor has started the drill: look at its first state before anything happens.
  if (watch.on_event) {
    drill->set_observer(watch.on_event);
    watch.on_event(*drill);
  }
  if (watch.on_slice) watch.on_slice(*drill);
  const Model& m = *model;
  for (const JournalEntry& e : journal) {
    switch (e.kind) {
      case EntryKind::submit:
      case EntryKind::rejected: {
        go(*drill, e.t, watch);
        Submission s;
        s.actor = e.actor;
        s.post = m.find_post(e.post);
        s.action = m.find_action(e.action);
        s.target_id = e.target;
        s.note = e.from.zh;
        if (s.action != no_ix) {
          switch (m.catalog.actions[s.action].target) {
            case ActionDef::Target::component: s.target = m.find_component(e.target); break;
            case ActionDef::Target::post: s.target = m.find_post(e.target); break;
            case ActionDef::Target::party: s.target = m.find_party(e.target); break;
            case ActionDef::Target::level: s.target = m.find_level(e.target); break;
            default: break;
          }
        }
        drill->submit(s);
        break;
      }
      case EntryKind::live_inject: {
        go(*drill, e.t, watch);
        std::string why;
        if (!drill->add_inject(live_inject_of(m, e), &why)) {
          error = "live inject '" + e.subject + "' cannot be replayed: " + why;
          return nullptr;
        }
        if (watch.on_event) watch.on_event(*drill);
        break;
      }
      case EntryKind::inject_held:
      case EntryKind::inject_released: {
        go(*drill, e.t, watch);
        Ix i = no_ix;
        for (Ix k = 0; k < drill->injects().size(); ++k)
          if (drill->injects()[k].id == e.subject) i = k;
        if (i == no_ix) break;
        if (e.kind == EntryKind::inject_held)
          drill->hold_inject(i);
        else
          drill->release_inject(i);
        if (watch.on_event) watch.on_event(*drill);
        break;
      }
      case EntryKind::note:
        go(*drill, e.t, watch);
        if (e.subject.empty())
          drill->add_note(e.actor, e.text.zh);
        else
          drill->add_evaluation(e.actor, e.subject, e.result, e.text.zh);
        if (watch.on_event) watch.on_event(*drill);
        break;
      case EntryKind::drill_end:
        go(*drill, e.t, watch);
        if (!drill->finished()) {
          drill->end();
          if (watch.on_event) watch.on_event(*drill);
          if (watch.on_slice) watch.on_slice(*drill);
        }
        break;
      default: break;
    }
  }
  if (!drill->finished()) go(*drill, journal.back().t, watch);
  return drill;
}

}  // namespace drillsim::scoring
