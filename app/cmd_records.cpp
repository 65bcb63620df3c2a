// drillsim records: the yearly drill record (each plan: last drilled, drilled this year, open
// improvement items, score trend), the list of stored drills, evaluators' observations after a
// drill, and closing improvement items.
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "app/commands.hpp"
#include "records/store.hpp"
#include "sim/load/loader.hpp"

namespace drillsim::app {
namespace {

struct RecordsOptions {
  std::string db;
  int year = 0;
  std::vector<std::string> plans;
  std::string lang = "zh";
  // observe
  std::int64_t drill = 0;
  std::string objective, rating, text, author, at;
  // close
  std::int64_t item = 0;
  std::string status = "done";
  std::string note;
};

int fail(const std::string& message) {
  std::cerr << message << '\n';
  return 1;
}

std::unique_ptr<records::Store> open_store(const RecordsOptions& o) {
  std::string error;
  auto store = records::Store::open(o.db.empty() ? records::default_store_path() : o.db, error);
  if (!store) std::cerr << error << '\n';
  return store;
}

// Plans that may never have been drilled: every scenarios/*/plan.yaml under the folders given.
std::vector<std::pair<std::string, std::pair<std::string, std::string>>> known_plans(const std::vector<std::string>& roots) {
  namespace fs = std::filesystem;
  std::vector<std::pair<std::string, std::pair<std::string, std::string>>> out;  // id -> (name, version)
  for (const std::string& root : roots) {
    std::error_code ec;
    if (!fs::is_directory(root, ec)) continue;
    std::vector<fs::path> files;
    for (const auto& dir : fs::directory_iterator(root, ec))
      if (fs::exists(dir.path() / "plan.yaml", ec)) files.push_back(dir.path() / "plan.yaml");
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      LoadResult r = load_plan(f.string());
      if (r.ok()) out.push_back({r.model->plan.id, {r.model->plan.name.zh, r.model->plan.version}});
    }
  }
  return out;
}

int yearly(const RecordsOptions& o) {
  const bool zh = o.lang != "en";
  auto store = open_store(o);
  if (!store) return 1;
  int year = o.year > 0 ? o.year : std::stoi(records::today().substr(0, 4));
  std::vector<records::PlanYear> plans = store->yearly(year);
  std::vector<std::string> roots = o.plans;
  if (roots.empty() && std::filesystem::is_directory("scenarios")) roots.push_back("scenarios");
  for (const auto& [id, info] : known_plans(roots))
    if (std::none_of(plans.begin(), plans.end(), [&](const records::PlanYear& p) { return p.plan_id == id; }))
      plans.push_back(records::PlanYear{id, info.first, info.second, {}, 0, {}, {}});
  std::cout << fmt::format(fmt::runtime(zh ? "== {} 年度演练记录（{}）==\n" : "== Drill record {} ({}) ==\n"), year, store->path());
  if (plans.empty()) std::cout << (zh ? "还没有任何演练记录。\n" : "No drills recorded yet.\n");
  int not_drilled = 0;
  for (const records::PlanYear& p : plans) {
    std::cout << '\n' << p.plan_name << (zh ? "（" : " (") << p.plan_id << (zh ? "，版本 " : ", version ") << p.plan_version
              << (zh ? "）\n" : ")\n");
    std::cout << (zh ? "  最近演练：" : "  Last drilled: ") << (p.last_drilled.empty() ? (zh ? "从未演练" : "never") : p.last_drilled)
              << '\n';
    if (p.drills_in_year > 0)
      std::cout << fmt::format(fmt::runtime(zh ? "  {} 年度：已演练 {} 次\n" : "  {}: drilled {} time(s)\n"), year, p.drills_in_year);
    else {
      ++not_drilled;
      std::cout << fmt::format(fmt::runtime(zh ? "  {} 年度：尚未演练（预案要求每年至少演练一次）\n" : "  {}: NOT drilled yet (the plan asks for a drill every year)\n"), year);
    }
    if (!p.trend.empty()) {
      std::string trend;
      for (const auto& [date, score] : p.trend) trend += (trend.empty() ? "" : " → ") + fmt::format("{:.1f}（{}）", score, date);
      std::cout << (zh ? "  成绩趋势：" : "  Score trend: ") << trend << '\n';
    }
    std::cout << fmt::format(fmt::runtime(zh ? "  未完成整改：{} 项\n" : "  Open improvement items: {}\n"), p.open_items.size());
    const std::string today = records::today();
    for (std::size_t i = 0; i < p.open_items.size() && i < 12; ++i) {
      const auto& item = p.open_items[i];
      bool overdue = !item.item.due.empty() && item.item.due < today;
      std::cout << fmt::format("    #{} [{}] {} {}{}: {}\n", item.id, item.item.post.empty() ? "—" : item.item.post,
                               zh ? "到期" : "due", item.item.due, overdue ? (zh ? "（已逾期）" : " (overdue)") : "",
                               zh ? item.item.action.zh : item.item.action.en);
    }
    if (p.open_items.size() > 12)
      std::cout << fmt::format(fmt::runtime(zh ? "    ……另有 {} 项（drillsim report 编号 查看整改计划）\n" : "    ... {} more (see drillsim report ID)\n"),
                               p.open_items.size() - 12);
  }
  if (not_drilled > 0)
    std::cout << fmt::format(fmt::runtime(zh ? "\n{} 个预案本年度尚未演练。\n" : "\n{} plan(s) not drilled in {}.\n"), not_drilled, year);
  return 0;
}

int list(const RecordsOptions& o) {
  const bool zh = o.lang != "en";
  auto store = open_store(o);
  if (!store) return 1;
  for (const records::DrillRecord& d : store->drills()) {
    std::string score = d.score >= 0 ? fmt::format("{:.1f} {}", d.score, d.rating) : "—";
    std::cout << fmt::format("{:>4}  {}  {:<9} {:<10} {:>8}  {} / {}\n", d.id, d.held_on, d.status, d.mode, score, d.plan_id,
                             d.scenario_name);
  }
  if (store->drills().empty()) std::cout << (zh ? "还没有任何演练记录。\n" : "No drills recorded yet.\n");
  return 0;
}

int observe(const RecordsOptions& o) {
  auto store = open_store(o);
  if (!store) return 1;
  auto d = store->drill(o.drill);
  if (!d) return fail(store->path() + ": no drill " + std::to_string(o.drill));
  scoring::Evaluation e;
  e.author = o.author;
  e.objective = o.objective;
  e.rating = o.rating;
  e.text = o.text;
  e.t = -1;
  // The objective must be one of the drill's; --at (HH:MM on its simulated clock) needs its start.
  LoadResult loaded = load_scenario(d->scenario_path);
  if (loaded.ok()) {
    std::string known;
    bool found = false;
    for (const auto& obj : loaded.model->scenario.objectives) {
      known += (known.empty() ? "" : ", ") + obj.id;
      found = found || obj.id == o.objective;
    }
    if (!found) return fail("drill " + std::to_string(o.drill) + " has no objective '" + o.objective + "' (its objectives: " + known + ")");
  }
  if (!o.at.empty()) {
    if (!loaded.ok()) return fail(d->scenario_path + ": does not load; give the observation without --at");
    int h = 0, m = 0;
    if (std::sscanf(o.at.c_str(), "%d:%d", &h, &m) != 2) return fail("--at wants HH:MM");
    std::int64_t start = loaded.model->scenario.start_epoch_s % 86400;
    e.t = std::max<std::int64_t>(0, h * 3600 + m * 60 - start);
  }
  std::string error;
  if (!store->add_observation(o.drill, e, error)) return fail(error);
  std::cout << (o.lang != "en" ? "已记录评估员观察。\n" : "Observation stored.\n");
  return 0;
}

int close(const RecordsOptions& o) {
  auto store = open_store(o);
  if (!store) return 1;
  std::string error;
  if (!store->set_improvement_status(o.item, o.status, o.note, error)) return fail(error);
  std::cout << fmt::format(fmt::runtime(o.lang != "en" ? "整改项 #{} 状态：{}\n" : "Improvement item #{}: {}\n"), o.item, o.status);
  return 0;
}

}  // namespace

void add_records(CLI::App& app) {
  static RecordsOptions o;
  auto* cmd = app.add_subcommand("records", "The yearly drill record: each plan's last drill, open improvement items, score trend");
  cmd->fallthrough();  // --db and --lang also after list/observe/close
  cmd->add_option("--db", o.db, "Record store (default: $XDG_DATA_HOME/drillsim/drills.db)");
  cmd->add_option("--year", o.year, "Calendar year (default: this year)")->check(CLI::Range(1900, 9999));
  cmd->add_option("--plans", o.plans, "Folders whose */plan.yaml are plans to account for (default: ./scenarios)");
  cmd->add_option("--lang", o.lang, "zh or en")->check(CLI::IsMember({"zh", "en"}));
  auto* ls = cmd->add_subcommand("list", "List the stored drills");
  ls->callback([] { set_exit_code(list(o)); });
  auto* obs = cmd->add_subcommand("observe", "Add an evaluator's observation (P/S/M/U on an objective) to a stored drill");
  obs->add_option("drill", o.drill, "Drill id")->required();
  obs->add_option("objective", o.objective, "Objective id")->required();
  obs->add_option("rating", o.rating, "P, S, M or U")->required()->check(CLI::IsMember({"P", "S", "M", "U"}));
  obs->add_option("text", o.text, "What the evaluator saw");
  obs->add_option("--author", o.author, "The evaluator")->required();
  obs->add_option("--at", o.at, "The drill time it refers to, HH:MM (default: after the drill)");
  obs->callback([] { set_exit_code(observe(o)); });
  auto* cl = cmd->add_subcommand("close", "Set an improvement item's status (done by default)");
  cl->add_option("item", o.item, "Improvement item id")->required();
  cl->add_option("--status", o.status, "done, dropped or open")->check(CLI::IsMember({"done", "dropped", "open"}));
  cl->add_option("--note", o.note, "What was done");
  cl->callback([] { set_exit_code(close(o)); });
  cmd->callback([cmd] {
    if (cmd->get_subcommands().empty()) set_exit_code(yearly(o));
  });
}

}  // namespace drillsim::app
