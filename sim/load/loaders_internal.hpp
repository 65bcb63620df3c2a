// The loaders of the five file kinds and the checks that span files (private to sim/load).
// Each loader reads the body of its file (the map under the top-level key) into ctx.model, whose
// lower parts (the files it chains to) are already loaded. Ids are registered in a first pass over
// each list so that references may point forward within a file.
#pragma once

#include <string>
#include <vector>

#include "sim/load/condition_internal.hpp"

namespace drillsim::load_detail {

// Catalog action targets that name plan levels: resolved once a plan is loaded.
struct PendingLevelTargets {
  std::string file;  // the catalog file, for messages
  Ix action = no_ix;
  std::vector<const YNode*> ids;
};

struct Deferred {
  std::vector<PendingLevelTargets> level_targets;
};

void load_organisation(const FileCtx& ctx, const YNode& body);
void load_platform(const FileCtx& ctx, const YNode& body);
void load_catalog(const FileCtx& ctx, const YNode& body, Deferred& deferred);
void load_plan(const FileCtx& ctx, const YNode& body, Deferred& deferred);
void load_scenario(const FileCtx& ctx, const YNode& body);

// Platform: dependencies before dependants (Boost.Graph), or the cycles reported.
struct Dependency {
  Ix dependant = no_ix;
  Ix dependency = no_ix;
  const YNode* at = nullptr;  // the reference, for messages
};
void order_components(const FileCtx& ctx, Platform& platform, const std::vector<Dependency>& deps);

// Plan: reachable steps, `next` within the procedure, procedures that can end.
// Where a procedure's parts are written, for messages (parallel to Plan::procedures and steps).
struct StepPlace {
  const YNode* node = nullptr;         // the step (its map)
  std::vector<const YNode*> branches;  // each branch's map
};
struct ProcedurePlace {
  const YNode* node = nullptr;
  std::vector<StepPlace> steps;
};
void check_plan_flow(const FileCtx& ctx, const Plan& plan, const std::vector<ProcedurePlace>& places);

// The items of an optional list field (empty when absent).
std::vector<const YNode*> list_field(const FileCtx& ctx, const Fields& f, std::string_view key, std::string_view what);

// First pass over a list of objects: their ids (checked, unique), one object per item.
template <class T>
void register_ids(const FileCtx& ctx, const std::vector<const YNode*>& items, std::string_view kind,
                  std::vector<T>& out) {
  const auto ids = collect_ids(ctx, items, kind);
  out.resize(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) out[i].id = ids[i];
}

// A post used where someone must act: reported when nobody holds it.
void check_held(const FileCtx& ctx, const YNode& at, Ix post, std::string_view role);

}  // namespace drillsim::load_detail
