// What the after-action report says, section by section (seed 003 §六.5 事件总结报告 and 附件2).
//
// Sections of the report
//   header        organisation, plan, scenario, date, mode, facilitator, participants, score
//   一 overview   what happened, affected services and business, people, level
//   二 timeline   the SVG timeline and the key events
//   三 response   measures taken (every action) and their effect; reports and declarations
//   四 causes     the true faults and their causes
//   五 went well / 六 went wrong
//   七 improvement plan
//   八 scores     HSEEP ratings per objective, evaluators' observations, tallies, every verdict
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "scoring/report_internal.hpp"
#include "scoring/score_internal.hpp"
#include "scoring/score_text.hpp"
#include "sim/world/names.hpp"
#include "sim/world/timeline.hpp"

namespace drillsim::scoring::detail {

const char* verdict_class(Verdict v) { return verdict_name(v); }

namespace {

class Builder {
 public:
  explicit Builder(const ReportInput& in) : in_(in), m_(*in.model), s_(*in.sheet), zh_(in.lang == Lang::zh) {}

  Document build() {
    header();
    overview();
    timeline();
    response();
    causes();
    went_well();
    went_wrong();
    improvement_plan();
    scores();
    return std::move(doc_);
  }

 private:
  const ReportInput& in_;
  const Model& m_;
  const ScoreSheet& s_;
  const bool zh_;
  Document doc_;

  std::string L(const std::string& zh, const std::string& en) const { return zh_ ? zh : en; }
  std::string T(const Text& t) const { return t.in(zh_ ? Lang::zh : Lang::en); }
  Lang lang() const { return zh_ ? Lang::zh : Lang::en; }
  std::string at(SimTime t) const { return t == never ? "—" : clock_text(m_.scenario, t); }
  std::string span(SimTime t) const { return span_text(t, lang()); }
  std::string post(Ix p) const { return p == no_ix ? "—" : post_text(m_, p, lang()); }
  std::string post_id(const std::string& id) const {
    Ix p = m_.find_post(id);
    return p == no_ix ? id : post(p);
  }
  std::string pct(const Tally& t) const { return percent_text(t); }
  std::string rating_name(char r) const {
    switch (r) {
      case 'P': return L("P 顺利完成", "P performed without challenges");
      case 'S': return L("S 完成，有一些问题", "S performed with some challenges");
      case 'M': return L("M 完成，问题较大", "M performed with major challenges");
      case 'U': return L("U 未能完成", "U unable to be performed");
      default: return L("— 未涉及", "— not exercised");
    }
  }
  std::string mode_name(const std::string& mode) const {
    if (mode == "auto") return L("计划跟随策略（自动应答）", "plan-following policy (automatic)");
    if (mode == "responses") return L("按应答脚本", "scripted responses");
    if (mode == "nobody") return L("无人应答", "nobody responding");
    if (mode == "live") return L("现场演练（控制台）", "live drill (console)");
    return mode.empty() ? "—" : mode;
  }
  std::string entry_body(const JournalEntry& e) const {
    std::string line = render_entry(m_, e, lang());
    std::string clock = clock_text(m_.scenario, e.t);
    return line.size() > clock.size() + 2 ? line.substr(clock.size() + 2) : line;
  }
  static Block paragraph(std::string text) {
    Block b;
    b.text = std::move(text);
    return b;
  }
  static Block note(std::string text) {
    Block b;
    b.kind = Block::Kind::note;
    b.text = std::move(text);
    return b;
  }
  static Block table(Table t) {
    Block b;
    b.kind = Block::Kind::table;
    b.table = std::move(t);
    return b;
  }
  static Block list(std::vector<std::string> items) {
    Block b;
    b.kind = Block::Kind::list;
    b.items = std::move(items);
    return b;
  }
  Section& section(const std::string& id, const std::string& title) {
    doc_.sections.push_back(Section{id, title, {}});
    return doc_.sections.back();
  }

  // ---- header ------------------------------------------------------------------------------

  void header() {
    doc_.title = zh_ ? T(m_.scenario.name) + " 演练总结报告" : "After-action report: " + T(m_.scenario.name);
    doc_.subtitle = T(m_.plan.name) + (m_.plan.version.empty() ? "" : "（" + m_.plan.version + "）");
    auto fact = [&](const std::string& k, const std::string& v) { doc_.facts.emplace_back(k, v.empty() ? "—" : v); };
    fact(L("单位名称", "Organisation"), T(m_.organisation.name));
    fact(L("应急预案", "Plan"), T(m_.plan.name) + " · " + m_.plan.id + "@" + m_.plan.version);
    fact(L("演练场景", "Scenario"), T(m_.scenario.name) + " · " + m_.scenario.id);
    fact(L("演练日期", "Held on"), in_.held_on.empty() ? date_text(m_.scenario) : in_.held_on);
    fact(L("模拟时段", "Simulated time"),
         date_text(m_.scenario) + " " + at(0) + " – " + at(s_.end) + (s_.finished ? "" : L("（进行中）", " (running)")));
    fact(L("演练方式", "Mode"), mode_name(in_.mode));
    fact(L("组织者", "Facilitator"), in_.facilitator);
    std::string people;
    for (const auto& [name, p] : in_.participants)
      people += (people.empty() ? "" : L("；", "; ")) + name + L("（", " (") + post_id(p) + L("）", ")");
    if (people.empty()) {
      std::vector<std::string> actors;
      for (const auto& nt : s_.by_participant) actors.push_back(nt.key);
      people = fmt::format("{}", fmt::join(actors, L("、", ", ")));
    }
    fact(L("参演人员", "Participants"), people);
    if (in_.drill_id > 0) fact(L("记录编号", "Record"), L("第 ", "drill ") + std::to_string(in_.drill_id) + L(" 次演练", ""));
    fact(L("随机种子", "Seed"), std::to_string(s_.seed));
    fact(L("评分标准", "Rubric"), s_.rubric_id + " " + s_.rubric_version);
    doc_.score = pct(s_.overall);
    doc_.rating = rating_name(s_.overall_rating);
    doc_.rating_letter = s_.overall_rating;
  }

  // ---- 一 overview -----------------------------------------------------------------------------

  void overview() {
    Section& sec = section("overview", L("一、事件概况", "1. Overview"));
    sec.blocks.push_back(paragraph(T(m_.scenario.description)));
    std::string start = s_.incident_start == never ? "—" : at(s_.incident_start);
    std::string restored = s_.restored == never ? L("演练结束时仍未全部恢复", "not all resolved when the drill ended") : at(s_.restored);
    std::string level = L("未达到分级条件", "no level reached");
    if (!s_.levels_reached.empty()) {
      const auto& [l, t] = s_.levels_reached.back();
      level = T(m_.plan.levels[l].name) + L("（", " (") + at(t) + L("达到）", " reached)");
    }
    sec.blocks.push_back(list({
        L("事件开始：", "Incident began: ") + start,
        L("全部恢复：", "All resolved: ") + restored,
        L("实际事件级别：", "True level: ") + level,
        L("数据丢失：", "Data lost: ") + (s_.data_lost ? L("是", "yes") : L("否", "no")),
    }));
    // Affected services.
    Table services;
    services.head = {L("受影响的系统/服务", "Affected system or service"), L("累计中断", "Down for"), L("业务系统", "Business system")};
    for (const auto& [c, down] : s_.downtime) {
      const Component& comp = m_.platform.components[c];
      bool business = std::find(comp.tags.begin(), comp.tags.end(), "business") != comp.tags.end();
      services.rows.push_back({{T(comp.name), ""}, {span(down), ""}, {business ? L("是", "yes") : "", ""}});
    }
    for (Ix c : s_.equipment_lost) services.rows.push_back({{T(m_.platform.components[c].name), "lost"}, {L("损毁", "destroyed"), "lost"}, {"", ""}});
    if (services.rows.empty()) sec.blocks.push_back(paragraph(L("没有系统中断。", "No system went down.")));
    else sec.blocks.push_back(table(services));
    // Business events.
    Table business;
    business.head = {L("业务事项", "Business event"), L("计划时间", "Due"), L("结果", "Outcome"), L("延迟", "Delay")};
    for (const BusinessResult& b : s_.business) {
      const BusinessEvent& ev = m_.scenario.calendar[b.event];
      std::string state, cls;
      switch (b.state) {
        case BusinessState::pending: state = L("演练结束时未到时间", "not due within the drill"); break;
        case BusinessState::held: state = L("按时进行", "held on time"); cls = "done"; break;
        case BusinessState::held_fallback: state = L("按备用方案进行", "held by the fallback"); cls = b.delay > 0 ? "late" : "done"; break;
        case BusinessState::delayed: state = L("延迟进行", "held late"); cls = "late"; break;
        case BusinessState::missed: state = L("未能进行", "missed"); cls = "lost"; break;
      }
      business.rows.push_back({{T(ev.name), ""}, {at(ev.at), ""}, {state, cls}, {b.delay > 0 ? span(b.delay) : "", ""}});
    }
    if (!business.rows.empty()) sec.blocks.push_back(table(business));
    // People: who acted, who was absent or late.
    std::vector<std::string> people;
    for (const JournalEntry& e : s_.journal) {
      if (e.kind != EntryKind::person) continue;
      people.push_back(at(e.t) + " " + entry_body(e));
    }
    int actions = 0;
    for (const JournalEntry& e : s_.journal) actions += e.kind == EntryKind::submit;
    std::vector<std::string> posts_acting;
    for (const auto& nt : s_.by_post) posts_acting.push_back(T(nt.name));
    sec.blocks.push_back(paragraph(
        fmt::format(fmt::runtime(L("涉及岗位 {} 个：{}。共执行处置动作 {} 个。", "{} posts involved: {}. {} actions taken.")),
                    posts_acting.size(), fmt::join(posts_acting, L("、", ", ")), actions)));
    if (!people.empty()) {
      sec.blocks.push_back(paragraph(L("人员到岗情况：", "Attendance:")));
      sec.blocks.push_back(list(people));
    }
    // Procedures the drill called for.
    Table procs;
    procs.head = {L("启动的处置程序", "Procedure called for"), L("依据", "Source"), L("启动", "Started"), L("如何启动", "How"), L("恢复", "Resolved"), L("得分", "Score")};
    for (std::size_t i = 0; i < s_.procedures.size(); ++i) {
      const ProcedureRun& r = s_.procedures[i];
      const Procedure& p = m_.plan.procedures[r.procedure];
      std::string how = r.by_trigger ? L("触发条件成立", "its trigger held")
                                     : L("由“", "jump from “") + T(m_.plan.procedures[r.from_procedure].name) + L("”转入", "”");
      const Tally& t = i < s_.by_procedure.size() ? s_.by_procedure[i].tally : Tally{};
      procs.rows.push_back({{T(p.name), ""}, {p.source, ""}, {at(r.started), ""}, {how, ""}, {r.resolved == never ? "—" : at(r.resolved), ""},
                            {pct(t), ""}});
    }
    if (!procs.rows.empty()) sec.blocks.push_back(table(procs));
  }

  // ---- 二 timeline -----------------------------------------------------------------------------

  void timeline() {
    Section& sec = section("timeline", L("二、演练时间线", "2. Timeline"));
    Block svg;
    svg.kind = Block::Kind::timeline;
    sec.blocks.push_back(svg);
    Table t;
    t.compact = true;
    t.head = {L("时间", "Time"), L("关键事件", "Key event")};
    for (const JournalEntry& e : s_.journal) {
      switch (e.kind) {
        case EntryKind::drill_start:
        case EntryKind::drill_end:
        case EntryKind::inject:
        case EntryKind::live_inject:
        case EntryKind::fault:
        case EntryKind::fault_cleared:
        case EntryKind::message:
        case EntryKind::comm:
        case EntryKind::business:
        case EntryKind::level_reached:
        case EntryKind::party_arrived:
        case EntryKind::fire:
        case EntryKind::note: break;
        default: continue;
      }
      std::string cls = e.kind == EntryKind::fault ? "lost" : e.kind == EntryKind::fault_cleared ? "done" : "";
      if (e.kind == EntryKind::business && e.result == "missed") cls = "lost";
      t.rows.push_back({{at(e.t), ""}, {entry_body(e), cls}});
    }
    sec.blocks.push_back(table(t));
    sec.blocks.push_back(note(L("完整日志见 journal.csv（--csv）。带 * 的条目为导调组可见的真实情况。",
                                "The whole journal is in journal.csv (--csv). Entries marked * are the truth only the facilitator sees.")));
  }

  // ---- 三 response ------------------------------------------------------------------------------

  // For each submission: the item it is evidence for (the first one), to show its verdict.
  std::map<std::uint32_t, const Item*> evidence() const {
    std::map<std::uint32_t, const Item*> out;
    for (const Item& it : s_.items)
      for (std::uint32_t run : it.runs)
        if (!out.count(run) || it.penalty) out[run] = &it;
    return out;
  }

  void response() {
    Section& sec = section("response", L("三、处置过程：采取的措施及效果", "3. Response: measures taken and their effect"));
    auto ev = evidence();
    std::map<std::uint32_t, const JournalEntry*> done, observed;
    for (const JournalEntry& e : s_.journal) {
      if (e.kind == EntryKind::action_done) done[e.run] = &e;
      if (e.kind == EntryKind::observation) observed[e.run] = &e;
    }
    Table t;
    t.head = {"#", L("开始", "Start"), L("完成", "Done"), L("岗位（人员）", "Post (person)"), L("措施", "Measure"), L("效果/发现", "Effect / finding"),
              L("评判", "Verdict")};
    for (const JournalEntry& e : s_.journal) {
      if (e.kind != EntryKind::submit && e.kind != EntryKind::rejected) continue;
      std::string who = post_id(e.post) + (e.actor.empty() ? "" : L("（", " (") + e.actor + L("）", ")"));
      Ix a = m_.find_action(e.action);
      std::string what = a == no_ix ? e.action : T(m_.catalog.actions[a].name);
      if (!e.target.empty() && a != no_ix) {
        const ActionDef& def = m_.catalog.actions[a];
        Ix ix = no_ix;
        switch (def.target) {
          case ActionDef::Target::component: ix = m_.find_component(e.target); break;
          case ActionDef::Target::post: ix = m_.find_post(e.target); break;
          case ActionDef::Target::party: ix = m_.find_party(e.target); break;
          case ActionDef::Target::level: ix = m_.find_level(e.target); break;
          default: break;
        }
        what += L("［", " [") + T(target_text(m_, def, ix, e.target)) + L("］", "]");
      }
      if (!e.from.zh.empty()) what += L("。备注：", ". Note: ") + T(e.from);
      if (e.kind == EntryKind::rejected) {
        t.rows.push_back({{"", ""}, {at(e.t), ""}, {"", ""}, {who, ""}, {what, ""}, {L("被拒绝：", "Refused: ") + T(e.text), "needless"}, {"", ""}});
        continue;
      }
      std::string effect;
      if (auto o = observed.find(e.run); o != observed.end()) effect = T(o->second->text);
      std::string verdict, cls;
      if (auto it = ev.find(e.run); it != ev.end()) {
        verdict = T(verdict_text(it->second->verdict));
        if (it->second->kind == ItemKind::step) {
          const Step& st = m_.plan.procedures[it->second->procedure].steps[it->second->step];
          verdict += " · " + (st.source.empty() ? st.id : st.source);
        } else if (it->second->kind == ItemKind::must_not || it->second->kind == ItemKind::must_first) {
          verdict += " · " + m_.plan.rules[it->second->rule].id;
        }
        cls = verdict_class(it->second->verdict);
      }
      auto d = done.find(e.run);
      t.rows.push_back({{std::to_string(e.run), ""}, {at(e.t), ""}, {d == done.end() ? L("未完成", "not done") : at(d->second->t), ""},
                        {who, ""}, {what, ""}, {effect, ""}, {verdict, cls}});
    }
    if (t.rows.empty()) sec.blocks.push_back(paragraph(L("没有任何处置动作。", "Nobody took any action.")));
    else sec.blocks.push_back(table(t));
    // Reports and declarations.
    std::vector<std::string> comms;
    for (const Item& it : s_.items) {
      if (it.kind != ItemKind::first_report && it.kind != ItemKind::cycle_report && it.kind != ItemKind::summary_report &&
          it.kind != ItemKind::grading && it.kind != ItemKind::over_grading)
        continue;
      comms.push_back(item_title(m_, it, lang()) + " — " + T(verdict_text(it.verdict)) + L("：", ": ") + T(it.why));
    }
    if (!comms.empty()) {
      sec.blocks.push_back(paragraph(L("事件上报与定级：", "Reporting and grading:")));
      sec.blocks.push_back(list(comms));
    }
  }

  // ---- 四 causes ---------------------------------------------------------------------------------

  void causes() {
    Section& sec = section("causes", L("四、原因分析", "4. Causes"));
    Table t;
    t.head = {L("时间", "Time"), L("故障部件", "Component"), L("故障类型", "Fault"), L("原因", "Cause"), L("排除", "Cleared")};
    for (std::size_t i = 0; i < s_.journal.size(); ++i) {
      const JournalEntry& e = s_.journal[i];
      if (e.kind != EntryKind::fault) continue;
      Ix c = m_.find_component(e.subject);
      Ix f = m_.find_fault_type(e.result);
      SimTime cleared = never;
      for (std::size_t j = i + 1; j < s_.journal.size() && cleared == never; ++j)
        if (s_.journal[j].kind == EntryKind::fault_cleared && s_.journal[j].subject == e.subject && s_.journal[j].result == e.result)
          cleared = s_.journal[j].t;
      t.rows.push_back({{at(e.t), ""},
                        {c == no_ix ? e.subject : T(m_.platform.components[c].name), ""},
                        {T(e.text), ""},
                        {f == no_ix ? "" : T(m_.platform.fault_types[f].cause), ""},
                        {cleared == never ? L("未排除", "not cleared") : at(cleared), cleared == never ? "lost" : "done"}});
    }
    if (t.rows.empty()) sec.blocks.push_back(paragraph(L("本次演练未注入设备故障（仅消息或人员类注入）。", "No equipment fault was injected (messages or people only).")));
    else sec.blocks.push_back(table(t));
    std::string conclusion;
    if (!s_.levels_reached.empty())
      conclusion += L("事件性质：", "Nature: ") + T(m_.plan.levels[s_.levels_reached.back().first].name) + L("。", ". ");
    conclusion += s_.restored != never ? L("所有启动的处置程序均已恢复（", "Every procedure called for was resolved (") + at(s_.restored) + L("）。", ").")
                                       : L("演练结束时仍有处置程序未恢复。", "Some procedures were still unresolved when the drill ended.");
    sec.blocks.push_back(paragraph(conclusion));
    sec.blocks.push_back(note(L("原因取自演练注入的真实故障（导调组掌握）；参演人员只能通过排查动作发现。",
                                "Causes are the injected truth (the facilitator's); trainees could only find them through their checks.")));
  }

  // ---- 五 / 六 went well, went wrong --------------------------------------------------------------

  void went_well() {
    Section& sec = section("well", L("五、做得好的方面", "5. What went well"));
    std::vector<std::string> items;
    for (const Item& it : s_.items) {
      if (it.penalty || it.verdict != Verdict::done) continue;
      std::string who = it.post == no_ix ? "" : post(it.post) + " ";
      items.push_back(who + at(it.at) + L("：", ": ") + item_title(m_, it, lang()));
    }
    for (const ObjectiveResult& o : s_.objectives)
      if (o.rating == 'P')
        items.push_back(L("演练目标达成（P）：", "Objective performed without challenges (P): ") + T(m_.scenario.objectives[o.objective].text));
    if (items.empty()) items.push_back(L("无。", "Nothing to report."));
    sec.blocks.push_back(list(items));
  }

  void went_wrong() {
    Section& sec = section("wrong", L("六、存在的问题", "6. What went wrong"));
    Table t;
    t.head = {L("问题", "Finding"), L("评判", "Verdict"), L("说明", "Why"), L("扣分/得分", "Points")};
    for (const Item& it : s_.items) {
      bool wrong = it.penalty ? it.points > 0 : (it.verdict != Verdict::done && it.verdict != Verdict::open);
      if (!wrong) continue;
      std::string pts = it.penalty ? "-" + fmt::format("{:.1f}", it.points)
                                   : fmt::format("{:.1f} / {:.1f}", it.points, it.max_points);
      t.rows.push_back({{item_title(m_, it, lang()), ""}, {T(verdict_text(it.verdict)), verdict_class(it.verdict)}, {T(it.why), ""}, {pts, ""}});
    }
    if (t.rows.empty()) sec.blocks.push_back(paragraph(L("未发现问题。", "No problems found.")));
    else sec.blocks.push_back(table(t));
  }

  // ---- 七 improvement plan ------------------------------------------------------------------------

  void improvement_plan() {
    Section& sec = section("plan", L("七、整改计划", "7. Improvement plan"));
    Table t;
    t.head = {"#", L("问题", "Finding"), L("整改措施", "Corrective action"), L("责任岗位", "Post responsible"), L("完成期限", "Due"), L("状态", "Status")};
    int n = 0;
    for (const ImprovementRow& row : in_.improvements) {
      ++n;
      std::string status = row.status == "done" ? L("已完成", "done") : row.status == "dropped" ? L("已取消", "dropped") : L("未完成", "open");
      t.rows.push_back({{row.id > 0 ? std::to_string(row.id) : std::to_string(n), ""},
                        {T(row.item.finding), ""},
                        {T(row.item.action), ""},
                        {row.item.post.empty() ? "—" : post_id(row.item.post), ""},
                        {row.item.due, "nowrap"},
                        {status, row.status == "done" ? "done nowrap" : row.status == "open" ? "late nowrap" : "nowrap"}});
    }
    if (t.rows.empty()) sec.blocks.push_back(paragraph(L("无需整改。", "Nothing to improve.")));
    else sec.blocks.push_back(table(t));
    if (in_.drill_id > 0)
      sec.blocks.push_back(note(L("整改完成后用 drillsim records close 编号 标记；drillsim records 列出各预案未完成的整改项。",
                                  "Mark an item done with drillsim records close ID; drillsim records lists each plan's open items.")));
  }

  // ---- 八 scores ------------------------------------------------------------------------------------

  void scores() {
    Section& sec = section("scores", L("八、评分", "8. Scores"));
    sec.blocks.push_back(paragraph(
        fmt::format(fmt::runtime(L("总分 {} / 100（{}）：得 {:.1f}，扣 {:.1f}，满分 {:.1f}。总分 =（得分 − 扣分）÷ 满分。",
                                   "Score {} / 100 ({}): earned {:.1f}, minus {:.1f}, of {:.1f} possible. Score = (earned − penalties) ÷ possible.")),
                    pct(s_.overall), rating_name(s_.overall_rating), s_.overall.earned, s_.overall.penalty, s_.overall.possible)));
    // HSEEP objectives with evaluators beside.
    Table obj;
    obj.head = {L("演练目标", "Objective"), L("得分率", "Share"), L("评分（HSEEP）", "Rating (HSEEP)"), L("评估员评价", "Evaluators")};
    for (const ObjectiveResult& o : s_.objectives) {
      std::string evals;
      for (const Evaluation& e : o.evaluations)
        evals += (evals.empty() ? "" : "；") + e.rating + " " + e.author + (e.t >= 0 ? "（" + at(e.t) + "）" : L("（演练后）", " (after)")) +
                 (e.text.empty() ? "" : "：" + e.text);
      obj.rows.push_back({{T(m_.scenario.objectives[o.objective].text), ""}, {pct(o.tally), ""},
                          {rating_name(o.rating), std::string("rating-") + o.rating}, {evals.empty() ? "—" : evals, ""}});
    }
    if (!obj.rows.empty()) sec.blocks.push_back(table(obj));
    auto tallies = [&](const std::string& title, const std::vector<NamedTally>& list) {
      if (list.empty()) return;
      Table t;
      t.compact = true;
      t.head = {title, L("得分率", "Share"), L("得分", "Earned"), L("满分", "Possible"), L("扣分", "Penalties")};
      for (const auto& nt : list)
        t.rows.push_back({{T(nt.name), ""}, {pct(nt.tally), ""}, {fmt::format("{:.1f}", nt.tally.earned), ""},
                          {fmt::format("{:.1f}", nt.tally.possible), ""}, {fmt::format("{:.1f}", nt.tally.penalty), ""}});
      sec.blocks.push_back(table(t));
    };
    tallies(L("岗位", "Post"), s_.by_post);
    tallies(L("小组", "Group"), s_.by_group);
    tallies(L("参演人员", "Participant"), s_.by_participant);
    // Every verdict with the rule that produced it.
    Table all;
    all.compact = true;
    all.head = {L("时间", "Time"), L("项目", "Item"), L("评判", "Verdict"), L("分数", "Points"), L("规则", "Rule"), L("说明", "Why")};
    for (const Item& it : s_.items) {
      std::string pts = it.penalty ? (it.points > 0 ? "-" + fmt::format("{:.1f}", it.points) : "0")
                                   : fmt::format("{:.1f}/{:.1f}", it.points, it.max_points);
      all.rows.push_back({{it.at != never ? at(it.at) : "", ""}, {item_title(m_, it, lang()), ""},
                          {T(verdict_text(it.verdict)), verdict_class(it.verdict)}, {pts, ""}, {it.rule_key, ""}, {T(it.why), ""}});
    }
    sec.blocks.push_back(paragraph(L("评判明细（每一分的来历）：", "Every verdict and the rule behind its points:")));
    sec.blocks.push_back(table(all));
    std::vector<std::string> notes;
    for (const JournalEntry& e : s_.journal)
      if (e.kind == EntryKind::note && e.subject.empty()) notes.push_back(at(e.t) + " " + e.actor + L("：", ": ") + e.text.zh);
    if (!notes.empty()) {
      sec.blocks.push_back(paragraph(L("导调组备注：", "Facilitator's notes:")));
      sec.blocks.push_back(list(notes));
    }
  }
};

}  // namespace

Document build_report(const ReportInput& input) { return Builder(input).build(); }

}  // namespace drillsim::scoring::detail
