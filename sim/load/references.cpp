// Resolving ids to indices in the Model being built, with a "did you mean" hint for typos.
#include <algorithm>

#include <fmt/format.h>

#include "sim/load/context_internal.hpp"

namespace drillsim::load_detail {

const char* ref_name(Ref kind) {
  switch (kind) {
    case Ref::group:
      return "group";
    case Ref::person:
      return "person";
    case Ref::post:
      return "post";
    case Ref::party:
      return "party";
    case Ref::component:
      return "component";
    case Ref::fault_type:
      return "fault type";
    case Ref::fact:
      return "fact";
    case Ref::action:
      return "action";
    case Ref::procedure:
      return "procedure";
    case Ref::level:
      return "level";
    case Ref::inject:
      return "inject";
    case Ref::objective:
      return "objective";
    case Ref::business_event:
      return "business event";
    case Ref::symptom:
      return "symptom";
  }
  return "?";
}

namespace {

template <class T>
void add_ids(const std::vector<T>& items, std::vector<std::string_view>& out) {
  for (const T& item : items) out.push_back(item.id);
}

std::vector<std::string_view> ids_of(const Model& m, Ref kind) {
  std::vector<std::string_view> ids;
  switch (kind) {
    case Ref::group:
      add_ids(m.organisation.groups, ids);
      break;
    case Ref::person:
      add_ids(m.organisation.persons, ids);
      break;
    case Ref::post:
      add_ids(m.organisation.posts, ids);
      break;
    case Ref::party:
      add_ids(m.organisation.parties, ids);
      break;
    case Ref::component:
      add_ids(m.platform.components, ids);
      break;
    case Ref::fault_type:
      add_ids(m.platform.fault_types, ids);
      break;
    case Ref::fact:
      add_ids(m.catalog.facts, ids);
      break;
    case Ref::action:
      add_ids(m.catalog.actions, ids);
      break;
    case Ref::procedure:
      add_ids(m.plan.procedures, ids);
      break;
    case Ref::level:
      add_ids(m.plan.levels, ids);
      break;
    case Ref::inject:
      add_ids(m.scenario.injects, ids);
      break;
    case Ref::objective:
      add_ids(m.scenario.objectives, ids);
      break;
    case Ref::business_event:
      add_ids(m.scenario.calendar, ids);
      break;
    case Ref::symptom:
      for (const Component& c : m.platform.components) add_ids(c.symptoms, ids);
      break;
  }
  return ids;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

// How many objects of that kind there are (symptoms: counted by their components; they are only
// looked up from files loaded after the platform).
std::size_t count_of(const Model& m, Ref kind) {
  switch (kind) {
    case Ref::group:
      return m.organisation.groups.size();
    case Ref::person:
      return m.organisation.persons.size();
    case Ref::post:
      return m.organisation.posts.size();
    case Ref::party:
      return m.organisation.parties.size();
    case Ref::component:
      return m.platform.components.size();
    case Ref::fault_type:
      return m.platform.fault_types.size();
    case Ref::fact:
      return m.catalog.facts.size();
    case Ref::action:
      return m.catalog.actions.size();
    case Ref::procedure:
      return m.plan.procedures.size();
    case Ref::level:
      return m.plan.levels.size();
    case Ref::inject:
      return m.scenario.injects.size();
    case Ref::objective:
      return m.scenario.objectives.size();
    case Ref::business_event:
      return m.scenario.calendar.size();
    case Ref::symptom:
      return m.platform.components.size();
  }
  return 0;
}

// Index of `id` among the objects of that kind, via the context's hash index.
Ix lookup(const FileCtx& ctx, Ref kind, std::string_view id) {
  const auto k = static_cast<std::size_t>(kind);
  auto& map = ctx.index.maps[k];
  const std::size_t count = count_of(ctx.model, kind);
  if (ctx.index.sizes[k] != count) {
    const auto ids = ids_of(ctx.model, kind);
    map.clear();
    for (std::size_t i = 0; i < ids.size(); ++i) map.emplace(std::string(ids[i]), static_cast<Ix>(i));
    ctx.index.sizes[k] = count;
  }
  auto it = map.find(std::string(id));
  return it == map.end() ? no_ix : it->second;
}

}  // namespace

bool id_exists(const FileCtx& ctx, Ref kind, std::string_view id) { return lookup(ctx, kind, id) != no_ix; }

void report_unknown(const FileCtx& ctx, const YNode& node, Ref kind, std::string_view id) {
  if (ctx.quiet_refs) return;
  std::string message = fmt::format("unknown {} '{}'", ref_name(kind), id);
  std::string_view best;
  std::size_t best_distance = 3;
  const auto candidates = ids_of(ctx.model, kind);
  if (id.size() < 100 && candidates.size() < 2000 && ++ctx.hints_given <= 100)
    for (std::string_view candidate : candidates) {
      if (candidate.size() > 100) continue;
      const std::size_t d = edit_distance(id, candidate);
      if (d < best_distance) {
        best_distance = d;
        best = candidate;
      }
    }
  if (!best.empty()) message += fmt::format(" (did you mean '{}'?)", best);
  ctx.error(node, std::move(message));
}

Ix resolve(const FileCtx& ctx, const YNode& node, Ref kind) {
  if (!node.is_scalar()) {
    ctx.error(node, fmt::format("expected a {} id, got {}", ref_name(kind), kind_name(node)));
    return no_ix;
  }
  const Ix found = lookup(ctx, kind, node.value);
  if (found != no_ix) return found;
  report_unknown(ctx, node, kind, node.value);
  return no_ix;
}

std::vector<Ix> resolve_list(const FileCtx& ctx, const YNode& node, Ref kind) {
  std::vector<Ix> out;
  for (const YNode* item : read_list(ctx, node, fmt::format("{} ids", ref_name(kind)))) {
    const Ix ix = resolve(ctx, *item, kind);
    if (ix != no_ix) out.push_back(ix);
  }
  return out;
}

}  // namespace drillsim::load_detail
