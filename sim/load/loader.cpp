// The public loader: recognises the file kind, follows the chain scenario -> plan -> catalog ->
// platform -> organisation (loading the lowest file first), and returns all or nothing.
#include <filesystem>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "sim/load/loader.hpp"
#include "sim/load/loaders_internal.hpp"

namespace drillsim {

namespace {

using load_detail::Deferred;
using load_detail::FileCtx;
using load_detail::YNode;

constexpr const char* kind_names[] = {"organisation", "platform", "catalog", "plan", "scenario"};

const char* name_of(FileKind kind) { return kind_names[static_cast<int>(kind)]; }

std::optional<FileKind> kind_of(const std::string& key) {
  for (int k = 0; k < 5; ++k)
    if (key == kind_names[k]) return static_cast<FileKind>(k);
  return std::nullopt;
}

// The key that names the next file down the chain, and that file's kind.
const char* chain_key(FileKind kind) {
  switch (kind) {
    case FileKind::organisation:
      return nullptr;
    case FileKind::platform:
      return "organisation";
    case FileKind::catalog:
      return "platform";
    case FileKind::plan:
      return "catalog";
    case FileKind::scenario:
      return "plan";
  }
  return nullptr;
}

FileKind below(FileKind kind) { return static_cast<FileKind>(static_cast<int>(kind) - 1); }

// Where a chained file is named, to report its problems there.
struct Referrer {
  const FileCtx* ctx;
  const YNode* node;
};

class ChainLoader {
 public:
  Model model;
  Diagnostics problems;
  std::string plan_override;  // load this plan instead of the one the scenario names (plan revisions)
  const UnsavedTexts* unsaved = nullptr;  // texts read in place of files (editors' unsaved documents)

  // Loads `path` (shown as `shown`) and what it chains to; the kind loaded, or nullopt on failure.
  std::optional<FileKind> load(const std::string& path, const std::string& shown, std::optional<FileKind> expected,
                               const Referrer* referrer) {
    std::string open_error;
    auto tree = read(path, shown, referrer ? &open_error : nullptr);
    if (!tree) {
      if (!open_error.empty())
        referrer->ctx->error(
            *referrer->node,
            fmt::format("cannot load the {} file '{}'{}: {}", name_of(*expected), referrer->node->value,
                        shown == referrer->node->value ? std::string() : " (" + shown + ")", open_error));
      return std::nullopt;
    }
    trees_.push_back(std::make_unique<YNode>(std::move(*tree)));
    const YNode& root = *trees_.back();
    FileCtx ctx{shown, problems, model};
    if (!root.is_map() || root.keys.empty()) {
      ctx.error(root, "expected one top-level key: organisation, platform, catalog, plan or scenario");
      return std::nullopt;
    }
    const auto kind = kind_of(root.keys[0].value);
    if (!kind) {
      ctx.error(root.keys[0], fmt::format("unknown file kind '{}' (expected one top-level key: organisation, "
                                          "platform, catalog, plan or scenario)",
                                          root.keys[0].value));
      return std::nullopt;
    }
    if (root.keys.size() > 1) {
      ctx.error(root.keys[1], fmt::format("a file has one top-level key; '{}' should be indented under '{}:'",
                                          root.keys[1].value, root.keys[0].value));
      return std::nullopt;
    }
    if (expected && *kind != *expected) {
      if (referrer)
        referrer->ctx->error(
            *referrer->node,
            fmt::format("'{}' is {} {} file, but a {} file is expected here", referrer->node->value,
                        *kind == FileKind::organisation ? "an" : "a", name_of(*kind), name_of(*expected)));
      else
        ctx.error(root.keys[0], fmt::format("this is {} {} file; {} {} file is expected",
                                            *kind == FileKind::organisation ? "an" : "a", name_of(*kind),
                                            *expected == FileKind::organisation ? "an" : "a", name_of(*expected)));
      return std::nullopt;
    }
    const YNode& body = root.items[0];

    bool chain_ok = true;
    if (const char* key = chain_key(*kind)) {
      const YNode* next = body.find(key);
      if (!body.is_map()) {
        chain_ok = false;  // reported by the kind's loader
      } else if (!next) {
        ctx.error(body, fmt::format("missing required field '{}' in the {} (the path of its {} file)", key,
                                    name_of(*kind), name_of(below(*kind))));
        chain_ok = false;
      } else if (!next->is_scalar() || next->value.empty()) {
        ctx.error(*next, fmt::format("'{}' takes the path of the {} file", key, name_of(below(*kind))));
        chain_ok = false;
      } else {
        namespace fs = std::filesystem;
        std::string next_path = (fs::path(path).parent_path() / next->value).string();
        std::string next_shown = (fs::path(shown).parent_path() / next->value).lexically_normal().generic_string();
        if (*kind == FileKind::scenario && !plan_override.empty()) next_path = next_shown = plan_override;
        const Referrer here{&ctx, next};
        chain_ok = load(next_path, next_shown, below(*kind), &here).has_value() && !incomplete_;
      }
    }
    // A file further down that failed leaves gaps: references into them are not reported.
    if (!chain_ok) incomplete_ = true;
    ctx.quiet_refs = !chain_ok;
    switch (*kind) {
      case FileKind::organisation:
        load_detail::load_organisation(ctx, body);
        break;
      case FileKind::platform:
        load_detail::load_platform(ctx, body);
        break;
      case FileKind::catalog:
        load_detail::load_catalog(ctx, body, deferred_);
        break;
      case FileKind::plan:
        load_detail::load_plan(ctx, body, deferred_);
        break;
      case FileKind::scenario:
        load_detail::load_scenario(ctx, body);
        break;
    }
    load_detail::check_observed_results(ctx);
    return kind;
  }

 private:
  std::optional<YNode> read(const std::string& path, const std::string& shown, std::string* open_error) {
    if (unsaved && !unsaved->empty()) {
      const auto text = unsaved->find(unsaved_key(path));
      if (text != unsaved->end()) return load_detail::parse_yaml_text(text->second, shown, problems);
    }
    return load_detail::read_yaml_file(path, shown, problems, open_error);
  }

  std::vector<std::unique_ptr<YNode>> trees_;  // kept for checks that come back to a file later
  Deferred deferred_;
  bool incomplete_ = false;  // some file of the chain could not be loaded
};

LoadResult load_any(const std::string& path, std::optional<FileKind> expected, const std::string& plan = {},
                    const UnsavedTexts* unsaved = nullptr) {
  LoadResult result;
  try {
    ChainLoader loader;
    loader.plan_override = plan;
    loader.unsaved = unsaved;
    const auto kind = loader.load(path, path, expected, nullptr);
    if (kind) result.kind = *kind;
    if (kind && loader.problems.empty()) {
      index_messages(loader.model);
      result.model = std::make_shared<const Model>(std::move(loader.model));
    } else {
      result.problems = std::move(loader.problems);
      if (result.problems.empty()) result.problems.push_back({path, 0, 0, "cannot load this file"});
    }
  } catch (const std::exception& e) {
    result.model.reset();
    result.problems.push_back({path, 0, 0, std::string("cannot load this file: ") + e.what()});
  } catch (...) {
    result.model.reset();
    result.problems.push_back({path, 0, 0, "cannot load this file"});
  }
  return result;
}

}  // namespace

LoadResult load_file(const std::string& path) { return load_any(path, std::nullopt); }

LoadResult load_scenario(const std::string& path) { return load_any(path, FileKind::scenario); }

LoadResult load_plan(const std::string& path) { return load_any(path, FileKind::plan); }

std::string unsaved_key(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path absolute = fs::absolute(fs::path(path), ec);
  if (ec) absolute = fs::path(path);
  return absolute.lexically_normal().generic_string();
}

LoadResult load_file_with(const std::string& path, const UnsavedTexts& texts, const std::string& plan_override) {
  return load_any(path, std::nullopt, plan_override, &texts);
}

LoadResult load_scenario_with_plan(const std::string& scenario, const std::string& plan) {
  return load_any(scenario, FileKind::scenario, plan);
}

}  // namespace drillsim
