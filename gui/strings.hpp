// UI string tables (assets/strings/zh.yaml and en.yaml): key -> text, switchable at run time.
#pragma once

#include <fmt/format.h>

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "sim/model/basics.hpp"

namespace drillsim::gui {

class Strings {
 public:
  // Loads both tables from dir (zh.yaml, en.yaml). False with a reason on a missing or bad file.
  bool load(const std::string& dir, std::string* error = nullptr);
  void set_lang(Lang lang) { lang_ = lang; }
  Lang lang() const { return lang_; }
  // The text of key in the current language (or in lang); the key itself when missing, so a gap shows.
  const char* get(std::string_view key) const { return get(key, lang_); }
  const char* get(std::string_view key, Lang lang) const;
  // Keys one table has and the other lacks ("zh: key" or "en: key").
  std::vector<std::string> unmatched_keys() const;
  // Keys asked for that no table had (recorded by get): a test failure.
  std::vector<std::string> missing_asked() const { return {missing_.begin(), missing_.end()}; }
  std::vector<std::string> keys() const;
  // Every text of both tables, for the glyph atlas.
  std::string all_text() const;

 private:
  std::map<std::string, std::string, std::less<>> tables_[2];
  Lang lang_ = Lang::zh;
  mutable std::set<std::string, std::less<>> missing_;  // node-based: returned pointers stay valid
};

// The process's tables.
Strings& strings();
inline const char* tr(std::string_view key) { return strings().get(key); }
// tr(key) used as a fmt pattern: trf("actions.busy_until", clock).
template <typename... Args>
std::string trf(std::string_view key, Args&&... args) {
  return fmt::format(fmt::runtime(tr(key)), std::forward<Args>(args)...);
}
// The text of a model Text in the UI's language.
inline const std::string& tx(const Text& text) { return text.in(strings().lang()); }

// Where assets/ is: $DRILLSIM_ASSETS, else the source tree's, else next to the executable.
std::string assets_dir();

}  // namespace drillsim::gui
