// The record store: the yearly view (which plans were drilled in a year), the default store path
// and the dates written into records.
#include "records/store.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <filesystem>

#include <fmt/format.h>

#include "records/sqlite_stmt.hpp"

namespace drillsim::records {
using namespace detail;

std::vector<PlanYear> Store::yearly(int year) const {
  std::vector<PlanYear> out;
  const std::string y = fmt::format("{:04}", year);
  for (const DrillRecord& d : drills()) {  // oldest first: the last one seen is the latest
    auto it = std::find_if(out.begin(), out.end(), [&](const PlanYear& p) { return p.plan_id == d.plan_id; });
    if (it == out.end()) {
      out.push_back(PlanYear{d.plan_id, d.plan_name, d.plan_version, {}, 0, {}, {}});
      it = out.end() - 1;
    }
    // The record is about drills held up to the year asked for.
    if (d.held_on.substr(0, 4) > y) continue;
    it->plan_name = d.plan_name;
    it->plan_version = d.plan_version;
    it->last_drilled = d.held_on;
    if (d.held_on.substr(0, 4) == y) ++it->drills_in_year;
    if (d.status == "finished" && d.score >= 0) it->trend.emplace_back(d.held_on, d.score);
  }
  // Items still open from drills held up to that year.
  for (PlanYear& p : out)
    for (StoredImprovement& item : open_improvements(p.plan_id))
      if (item.held_on.substr(0, 4) <= y) p.open_items.push_back(std::move(item));
  std::sort(out.begin(), out.end(), [](const PlanYear& a, const PlanYear& b) { return a.plan_id < b.plan_id; });
  return out;
}

// ---- paths and clocks ------------------------------------------------------------------------

std::string default_store_path() {
  namespace fs = std::filesystem;
  const char* xdg = std::getenv("XDG_DATA_HOME");
  if (xdg && *xdg) return (fs::path(xdg) / "drillsim" / "drills.db").string();
  const char* home = std::getenv("HOME");
  return (fs::path(home && *home ? home : ".") / ".local" / "share" / "drillsim" / "drills.db").string();
}

std::string today() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return fmt::format("{:04}-{:02}-{:02}", local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

std::string now_utc() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday, utc.tm_hour,
                     utc.tm_min, utc.tm_sec);
}


}  // namespace drillsim::records
