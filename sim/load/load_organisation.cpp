// The organisation file: groups, persons, posts (with A/B holders) and outside parties.
#include <fmt/format.h>

#include "sim/load/loaders_internal.hpp"

namespace drillsim::load_detail {

std::vector<const YNode*> list_field(const FileCtx& ctx, const Fields& f, std::string_view key, std::string_view what) {
  const YNode* node = f.get(key);
  if (!node) return {};
  if (node->is_scalar()) {
    ctx.error(*node, fmt::format("expected a list of {} under '{}', got a single value", what, key));
    return {};
  }
  return read_list(ctx, *node, what);
}

void check_held(const FileCtx& ctx, const YNode& at, Ix post, std::string_view role) {
  if (post == no_ix || post >= ctx.model.organisation.posts.size()) return;
  const Post& p = ctx.model.organisation.posts[post];
  if (p.holders.empty())
    ctx.error(at,
              fmt::format("post '{}' is held by nobody (its holders list is empty), so it cannot be {}", p.id, role));
}

namespace {

const char* const party_kinds[] = {"vendor",    "bank",   "ca",          "telecom", "fire_brigade",
                                   "regulator", "police", "expert_pool", "other"};

void read_person(const FileCtx& ctx, const YNode& node, Person& person) {
  Fields f(ctx, node, "a person", {"id", "name", "absent_probability", "late"});
  if (!f.ok()) return;
  f.require("id");
  if (const YNode* n = f.get("name")) person.name = read_text(ctx, *n);
  if (const YNode* p = f.get("absent_probability")) {
    if (read_number(ctx, *p, person.absent_probability) &&
        !(person.absent_probability >= 0 && person.absent_probability <= 1))
      ctx.error(*p, fmt::format("absent_probability must be between 0 and 1, got {}", p->value));
  }
  if (const YNode* late = f.get("late")) read_distribution(ctx, *late, person.late);
}

void read_post(const FileCtx& ctx, const YNode& node, Post& post) {
  Fields f(ctx, node, "a post", {"id", "name", "group", "holders"});
  if (!f.ok()) return;
  f.require("id");
  if (const YNode* n = f.get("name")) post.name = read_text(ctx, *n);
  if (const YNode* g = f.get("group")) post.group = resolve(ctx, *g, Ref::group);
  if (const YNode* h = f.get("holders")) post.holders = resolve_list(ctx, *h, Ref::person);
}

void read_party(const FileCtx& ctx, const YNode& node, Party& party) {
  Fields f(ctx, node, "a party", {"id", "name", "kind", "response"});
  if (!f.ok()) return;
  f.require("id");
  if (const YNode* n = f.get("name")) party.name = read_text(ctx, *n);
  party.kind = "other";
  if (const YNode* k = f.get("kind")) {
    const std::string kind = read_string(ctx, *k, "a party kind");
    bool known = false;
    for (const char* allowed : party_kinds) known = known || kind == allowed;
    if (known)
      party.kind = kind;
    else
      ctx.error(*k, fmt::format("unknown party kind '{}' (allowed: {})", kind, fmt::join(party_kinds, ", ")));
  }
  if (const YNode* r = f.get("response")) read_distribution(ctx, *r, party.response);
}

}  // namespace

void load_organisation(const FileCtx& ctx, const YNode& body) {
  Organisation& org = ctx.model.organisation;
  org.file = ctx.file;
  Fields f(ctx, body, "the organisation", {"id", "name", "groups", "persons", "posts", "parties"});
  if (!f.ok()) return;
  if (const YNode* id = f.require("id")) org.id = read_id(ctx, *id, "organisation");
  if (const YNode* n = f.get("name")) org.name = read_text(ctx, *n);
  const auto groups = list_field(ctx, f, "groups", "groups");
  const auto persons = list_field(ctx, f, "persons", "persons");
  const auto posts = list_field(ctx, f, "posts", "posts");
  const auto parties = list_field(ctx, f, "parties", "parties");
  register_ids(ctx, groups, "group", org.groups);
  register_ids(ctx, persons, "person", org.persons);
  register_ids(ctx, posts, "post", org.posts);
  register_ids(ctx, parties, "party", org.parties);
  for (std::size_t i = 0; i < groups.size(); ++i) {
    Fields g(ctx, *groups[i], "a group", {"id", "name"});
    if (!g.ok()) continue;
    g.require("id");
    if (const YNode* n = g.get("name")) org.groups[i].name = read_text(ctx, *n);
  }
  for (std::size_t i = 0; i < persons.size(); ++i) read_person(ctx, *persons[i], org.persons[i]);
  for (std::size_t i = 0; i < posts.size(); ++i) read_post(ctx, *posts[i], org.posts[i]);
  for (std::size_t i = 0; i < parties.size(); ++i) read_party(ctx, *parties[i], org.parties[i]);
}

}  // namespace drillsim::load_detail
