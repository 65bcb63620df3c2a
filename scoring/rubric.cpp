// Loading the scoring rubric with the loader's YAML tree: every problem as file:line:col.
#include "scoring/rubric.hpp"

#include <filesystem>

#include <fmt/format.h>

#include "sim/load/context_internal.hpp"

namespace drillsim::scoring {
namespace {

using load_detail::Fields;
using load_detail::FileCtx;
using load_detail::YNode;

// A required number within [lo, hi].
void number(const FileCtx& ctx, const Fields& f, std::string_view key, double lo, double hi, double& out) {
  const YNode* n = f.require(key);
  if (!n) return;
  double v = 0;
  if (!load_detail::read_number(ctx, *n, v)) return;
  if (v < lo || v > hi) {
    ctx.error(*n, fmt::format("'{}' must be between {} and {}, got {}", key, lo, hi, n->value));
    return;
  }
  out = v;
}

constexpr double big = 1e6;

void read_credit(const FileCtx& ctx, const YNode& node, std::string_view what, bool with_steps, Credit& out) {
  std::vector<std::string_view> allowed = {"late", "wrong_post"};
  if (with_steps) {
    allowed.push_back("out_of_order");
    allowed.push_back("partial");
  }
  Fields f(ctx, node, what, allowed);
  if (!f.ok()) return;
  number(ctx, f, "late", 0, 1, out.late);
  number(ctx, f, "wrong_post", 0, 1, out.wrong_post);
  if (with_steps) {
    number(ctx, f, "out_of_order", 0, 1, out.out_of_order);
    number(ctx, f, "partial", 0, 1, out.partial);
  }
}

// {points, credit: {...}}
void read_scored(const FileCtx& ctx, const Fields& parent, std::string_view key, bool with_steps, double& points,
                 Credit& credit) {
  const YNode* n = parent.require(key);
  if (!n) return;
  Fields f(ctx, *n, fmt::format("rubric {}", key), {"points", "credit"});
  if (!f.ok()) return;
  number(ctx, f, "points", 0, big, points);
  if (const YNode* c = f.require("credit")) read_credit(ctx, *c, fmt::format("rubric {}.credit", key), with_steps, credit);
}

void read_penalties(const FileCtx& ctx, const YNode& node, Penalties& p) {
  Fields f(ctx, node, "rubric penalties",
           {"must_not", "must_first", "harmful", "needless", "needless_max", "wrong_level", "resolved_late",
            "unresolved", "business_missed", "business_delayed", "data_lost", "equipment_lost", "downtime_per_hour"});
  if (!f.ok()) return;
  number(ctx, f, "must_not", 0, big, p.must_not);
  number(ctx, f, "must_first", 0, big, p.must_first);
  number(ctx, f, "harmful", 0, big, p.harmful);
  number(ctx, f, "needless", 0, big, p.needless);
  number(ctx, f, "needless_max", 0, big, p.needless_max);
  number(ctx, f, "wrong_level", 0, big, p.wrong_level);
  number(ctx, f, "resolved_late", 0, big, p.resolved_late);
  number(ctx, f, "unresolved", 0, big, p.unresolved);
  number(ctx, f, "business_missed", 0, big, p.business_missed);
  number(ctx, f, "business_delayed", 0, big, p.business_delayed);
  number(ctx, f, "data_lost", 0, big, p.data_lost);
  number(ctx, f, "equipment_lost", 0, big, p.equipment_lost);
  number(ctx, f, "downtime_per_hour", 0, big, p.downtime_per_hour);
}

void read_hseep(const FileCtx& ctx, const YNode& node, Hseep& h) {
  Fields f(ctx, node, "rubric hseep", {"P", "S", "M"});
  if (!f.ok()) return;
  number(ctx, f, "P", 0, 1, h.p);
  number(ctx, f, "S", 0, 1, h.s);
  number(ctx, f, "M", 0, 1, h.m);
  if (f.get("P") && f.get("S") && f.get("M") && !(h.p > h.s && h.s > h.m))
    ctx.error(node, fmt::format("HSEEP thresholds must fall: P > S > M (got P {}, S {}, M {})", h.p, h.s, h.m));
}

}  // namespace

bool load_rubric(const std::string& path, Rubric& out, Diagnostics& problems) {
  const std::size_t before = problems.size();
  std::optional<YNode> root = load_detail::read_yaml_file(path, path, problems);
  if (!root) return false;
  Model scratch;  // the loader's context wants a model; a rubric refers to nothing in it
  FileCtx ctx{path, problems, scratch};
  Rubric r;
  r.file = path;
  Fields top(ctx, *root, "rubric file", {"rubric"});
  const YNode* body = top.require("rubric");
  if (body) {
    Fields f(ctx, *body, "rubric",
             {"id", "version", "steps", "reports", "grading", "penalties", "hseep", "improvements"});
    if (f.ok()) {
      if (const YNode* n = f.require("id")) r.id = load_detail::read_id(ctx, *n, "rubric");
      if (const YNode* n = f.require("version")) r.version = load_detail::read_string(ctx, *n, "a version");
      read_scored(ctx, f, "steps", true, r.step_points, r.step_credit);
      read_scored(ctx, f, "reports", false, r.report_points, r.report_credit);
      read_scored(ctx, f, "grading", false, r.grading_points, r.grading_credit);
      if (const YNode* n = f.require("penalties")) read_penalties(ctx, *n, r.penalties);
      if (const YNode* n = f.require("hseep")) read_hseep(ctx, *n, r.hseep);
      if (const YNode* n = f.require("improvements")) {
        Fields imp(ctx, *n, "rubric improvements", {"due_days"});
        if (const YNode* d = imp.require("due_days")) {
          long long days = 0;
          if (load_detail::read_integer(ctx, *d, days)) {
            if (days < 1 || days > 3660)
              ctx.error(*d, fmt::format("'due_days' must be between 1 and 3660, got {}", days));
            else
              r.improvement_due_days = static_cast<int>(days);
          }
        }
      }
    }
  }
  if (problems.size() != before) return false;
  out = std::move(r);
  return true;
}

std::string default_rubric_path(const std::string& source_dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists("scenarios/rubric.yaml", ec)) return "scenarios/rubric.yaml";
  return (fs::path(source_dir) / "scenarios" / "rubric.yaml").string();
}

char hseep_rating(const Hseep& h, double share) {
  // A hair of tolerance so that 0.9 computed as 0.8999999 still rates P.
  constexpr double eps = 1e-9;
  if (share + eps >= h.p) return 'P';
  if (share + eps >= h.s) return 'S';
  if (share + eps >= h.m) return 'M';
  return 'U';
}

}  // namespace drillsim::scoring
