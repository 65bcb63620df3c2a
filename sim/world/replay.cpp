// Replaying a journal into a fresh drill.
#include "sim/world/replay.hpp"

#include <fstream>

namespace drillsim {

bool read_journal(const std::string& path, std::vector<JournalEntry>& out, Diagnostics& problems) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    problems.push_back(Diagnostic{path, 0, 0, "cannot open the journal"});
    return false;
  }
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) continue;
    JournalEntry e;
    std::string error;
    if (!parse_journal_line(line, e, error)) {
      problems.push_back(Diagnostic{path, number, 1, error});
      continue;
    }
    out.push_back(std::move(e));
  }
  if (out.empty() && problems.empty()) problems.push_back(Diagnostic{path, 0, 0, "the journal is empty"});
  return problems.empty();
}

namespace {

// Runs every event up to t, one slice at a time when someone watches slices, then sets the clock to t.
void go(Drill& drill, SimTime t, const ReplayWatch* watch) {
  if (watch && watch->on_slice) {
    while (!drill.finished() && drill.next_event_time() <= t) {
      drill.step();
      watch->on_slice(drill);
    }
  }
  drill.advance_to(t);
}

void event_seen(const Drill& drill, const ReplayWatch* watch) {
  if (watch && watch->on_event) watch->on_event(drill);
}

}  // namespace

void replay_submissions(Drill& drill, const std::vector<TimedSubmission>& submissions, SimTime end,
                        const ReplayWatch* watch) {
  if (watch && watch->on_event) drill.set_observer(watch->on_event);
  event_seen(drill, watch);
  if (watch && watch->on_slice) watch->on_slice(drill);
  for (const TimedSubmission& s : submissions) {
    go(drill, s.t, watch);
    drill.submit(s.submission);
  }
  go(drill, end, watch);
  if (!drill.finished()) {
    drill.end();
    event_seen(drill, watch);
    if (watch && watch->on_slice) watch->on_slice(drill);
  }
}

Inject live_inject_of(const Model& m, const JournalEntry& e) {
  Inject inj;
  inj.id = e.subject;
  inj.kind = static_cast<Inject::Kind>(std::stoi(e.result.empty() ? "0" : e.result));
  inj.at = e.value;
  inj.component = e.target.empty() ? no_ix : m.find_component(e.target);
  switch (inj.kind) {
    case Inject::Kind::fault: inj.ref = m.find_fault_type(e.action); break;
    case Inject::Kind::clear: inj.ref = e.action.empty() ? no_ix : m.find_fault_type(e.action); break;
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

std::unique_ptr<Drill> replay(std::shared_ptr<const Model> model, const std::vector<JournalEntry>& journal,
                              std::string& error, bool to_end, const ReplayWatch* watch) {
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
  // The constructor has started the drill: watchers see its first state before anything happens.
  if (watch && watch->on_event) drill->set_observer(watch->on_event);
  event_seen(*drill, watch);
  if (watch && watch->on_slice) watch->on_slice(*drill);
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
        event_seen(*drill, watch);
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
        event_seen(*drill, watch);
        break;
      }
      case EntryKind::note:
        go(*drill, e.t, watch);
        if (e.subject.empty())
          drill->add_note(e.actor, e.text.zh);
        else
          drill->add_evaluation(e.actor, e.subject, e.result, e.text.zh);
        event_seen(*drill, watch);
        break;
      case EntryKind::drill_end:
        if (to_end) {
          go(*drill, e.t, watch);
          if (!drill->finished()) {
            drill->end();
            event_seen(*drill, watch);
            if (watch && watch->on_slice) watch->on_slice(*drill);
          }
        }
        break;
      default: break;
    }
  }
  if (!drill->finished()) go(*drill, journal.back().t, watch);
  return drill;
}

}  // namespace drillsim
