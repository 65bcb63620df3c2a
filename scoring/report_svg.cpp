// The report's timeline as inline SVG: faults, business events, levels and reports, and one lane
// per post with its actions coloured by verdict, its deadlines and its missed steps.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "scoring/report_internal.hpp"
#include "scoring/score_internal.hpp"
#include "sim/world/timeline.hpp"

namespace drillsim::scoring {
namespace {


const char* colour(Verdict v) {
  switch (v) {
    case Verdict::done: return "#2e7d32";
    case Verdict::late: return "#ef6c00";
    case Verdict::wrong_post: return "#7b1fa2";
    case Verdict::out_of_order: return "#c0a000";
    case Verdict::partial: return "#8d6e63";
    case Verdict::missed: return "#c62828";
    case Verdict::open: return "#607d8b";
    case Verdict::violation: return "#c62828";
    case Verdict::needless: return "#9e9e9e";
    case Verdict::wrong_level: return "#c62828";
    case Verdict::lost: return "#c62828";
  }
  return "#90a4ae";
}

// Width of a text in pixels at 13 px, roughly: CJK characters are square, others about half.
double text_width(const std::string& s, double size = 13) {
  double w = 0;
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    w += n >= 3 ? size : size * 0.55;
    i += n;
  }
  return w;
}

// The text cut (with an ellipsis) to fit a width.
std::string fit(const std::string& s, double width, double size = 13) {
  if (text_width(s, size) <= width) return s;
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (text_width(out + s.substr(i, n) + "…", size) > width) break;
    out += s.substr(i, n);
    i += n;
  }
  return out + "…";
}

constexpr const char* other_colour = "#90a4ae";  // an action that is evidence of nothing in particular (a repeat)

struct Bar {
  SimTime from = 0, to = 0;
  std::string colour;
  std::string title;
  std::string label;
  bool outline = false;  // a rule broken
};

struct Mark {
  SimTime t = 0;
  enum class Shape { cross, deadline, triangle, dot, diamond } shape = Shape::dot;
  std::string colour;
  std::string title;
};

struct Lane {
  std::string name;
  bool fault = false;  // a fault's lane: its bar is labelled with the fault's name
  std::vector<Bar> bars;
  std::vector<Mark> marks;
  std::vector<std::pair<std::string, SimTime>> labels;  // text at a time (business events)
};

}  // namespace

std::string timeline_svg(const ReportInput& in) {
  const Model& m = *in.model;
  const ScoreSheet& s = *in.sheet;
  const Lang lang = in.lang;
  const bool zh = lang == Lang::zh;
  auto at = [&](SimTime t) { return clock_text(m.scenario, t); };

  // Which item each submission is evidence for (penalties win: a broken rule is what matters).
  std::map<std::uint32_t, const Item*> evidence;
  for (const Item& it : s.items)
    for (std::uint32_t run : it.runs)
      if (!evidence.count(run) || it.penalty) evidence[run] = &it;

  std::vector<Lane> lanes;
  // Faults: one lane each (component · fault), from the fault to its clearing.
  for (std::size_t i = 0; i < s.journal.size(); ++i) {
    const JournalEntry& e = s.journal[i];
    if (e.kind != EntryKind::fault) continue;
    SimTime end = s.end;
    for (std::size_t j = i + 1; j < s.journal.size(); ++j)
      if (s.journal[j].kind == EntryKind::fault_cleared && s.journal[j].subject == e.subject && s.journal[j].result == e.result) {
        end = s.journal[j].t;
        break;
      }
    Ix c = m.find_component(e.subject);
    Lane lane;
    lane.fault = true;
    lane.name = (zh ? "故障：" : "Fault: ") + (c == no_ix ? e.subject : m.platform.components[c].name.in(lang));
    lane.bars.push_back({e.t, end, "#e57373", e.text.in(lang) + " " + at(e.t) + "–" + at(end), e.text.in(lang), false});
    lanes.push_back(std::move(lane));
  }
  // Business events and injects.
  Lane business;
  business.name = zh ? "业务与注入" : "Business & injects";
  for (const BusinessResult& b : s.business) {
    const BusinessEvent& ev = m.scenario.calendar[b.event];
    const char* c = b.state == BusinessState::held            ? "#2e7d32"
                    : b.state == BusinessState::held_fallback ? (b.delay > 0 ? "#ef6c00" : "#00897b")
                    : b.state == BusinessState::delayed       ? "#ef6c00"
                    : b.state == BusinessState::missed        ? "#c62828"
                                                              : "#90a4ae";
    std::string state = zh ? (b.state == BusinessState::held            ? "按时"
                              : b.state == BusinessState::held_fallback ? "备用方案"
                              : b.state == BusinessState::delayed       ? "延迟"
                              : b.state == BusinessState::missed        ? "未能进行"
                                                                        : "未到")
                           : (b.state == BusinessState::held            ? "on time"
                              : b.state == BusinessState::held_fallback ? "fallback"
                              : b.state == BusinessState::delayed       ? "late"
                              : b.state == BusinessState::missed        ? "missed"
                                                                        : "not due");
    business.marks.push_back({ev.at, Mark::Shape::diamond, c, ev.name.in(lang) + " " + at(ev.at) + " " + state});
    if (b.settled != never && b.settled > ev.at)
      business.bars.push_back({ev.at, b.settled, c, ev.name.in(lang) + " " + at(ev.at) + "–" + at(b.settled), "", false});
    business.labels.emplace_back(state, ev.at);
  }
  for (const JournalEntry& e : s.journal)
    if (e.kind == EntryKind::inject || e.kind == EntryKind::live_inject)
      business.marks.push_back({e.t, Mark::Shape::triangle, "#5e35b1", (zh ? "注入 " : "Inject ") + e.subject + " " + at(e.t) + " " + e.text.in(lang)});
  lanes.push_back(std::move(business));
  // Levels, reports, declarations and the report deadlines.
  Lane command;
  command.name = zh ? "定级与上报" : "Grading & reports";
  for (const auto& [l, t] : s.levels_reached)
    command.marks.push_back({t, Mark::Shape::triangle, "#c62828", (zh ? "达到 " : "Reached ") + m.plan.levels[l].name.in(lang) + " " + at(t)});
  for (const Item& it : s.items) {
    bool comm = it.kind == ItemKind::first_report || it.kind == ItemKind::cycle_report ||
                it.kind == ItemKind::summary_report || it.kind == ItemKind::grading || it.kind == ItemKind::over_grading;
    if (!comm) continue;
    std::string title = item_title(m, it, lang) + " — " + verdict_text(it.verdict).in(lang);
    if (it.at != never) command.marks.push_back({it.at, Mark::Shape::dot, colour(it.verdict), title + " " + at(it.at)});
    if (it.due != never) command.marks.push_back({it.due, Mark::Shape::deadline, "#c62828", (zh ? "期限 " : "Due ") + title + " " + at(it.due)});
    if (it.at == never && (it.verdict == Verdict::missed))
      command.marks.push_back({it.due != never ? it.due : it.reached, Mark::Shape::cross, "#c62828", title});
  }
  lanes.push_back(std::move(command));
  // One lane per post: actions, deadlines, missed steps.
  std::map<Ix, std::size_t> post_lane;
  auto lane_of = [&](Ix post) -> Lane& {
    auto it = post_lane.find(post);
    if (it != post_lane.end()) return lanes[it->second];
    post_lane[post] = lanes.size();
    lanes.push_back(Lane{m.organisation.posts[post].name.in(lang), false, {}, {}, {}});
    return lanes.back();
  };
  std::map<std::uint32_t, SimTime> done_at;
  for (const JournalEntry& e : s.journal)
    if (e.kind == EntryKind::action_done) done_at[e.run] = e.t;
  // Lanes in the organisation's order.
  std::vector<Ix> posts;
  for (const JournalEntry& e : s.journal)
    if (e.kind == EntryKind::submit) posts.push_back(m.find_post(e.post));
  for (const Item& it : s.items)
    if (it.kind == ItemKind::step && !it.accountable.empty()) posts.push_back(it.accountable.front());
  std::sort(posts.begin(), posts.end());
  posts.erase(std::unique(posts.begin(), posts.end()), posts.end());
  for (Ix p : posts)
    if (p != no_ix) lane_of(p);
  for (const JournalEntry& e : s.journal) {
    if (e.kind != EntryKind::submit) continue;
    Ix p = m.find_post(e.post);
    if (p == no_ix) continue;
    Ix a = m.find_action(e.action);
    std::string name = a == no_ix ? e.action : m.catalog.actions[a].name.in(lang);
    SimTime end = done_at.count(e.run) ? done_at[e.run] : e.t + e.value;
    Bar bar{e.t, std::max(end, e.t + 1), other_colour, "", std::to_string(e.run), false};
    std::string verdict;
    if (auto it = evidence.find(e.run); it != evidence.end()) {
      bar.colour = colour(it->second->verdict);
      bar.outline = it->second->verdict == Verdict::violation;
      verdict = " — " + verdict_text(it->second->verdict).in(lang);
    }
    bar.title = "#" + std::to_string(e.run) + " " + at(e.t) + "–" + at(end) + " " + name + (e.actor.empty() ? "" : "（" + e.actor + "）") + verdict;
    lane_of(p).bars.push_back(std::move(bar));
  }
  for (const Item& it : s.items) {
    if (it.kind != ItemKind::step || it.accountable.empty()) continue;
    Lane& lane = lane_of(it.accountable.front());
    std::string title = item_title(m, it, lang);
    if (it.due != never && it.due <= s.end)
      lane.marks.push_back({it.due, Mark::Shape::deadline, "#c62828", (zh ? "期限 " : "Due ") + at(it.due) + " " + title});
    if (it.verdict == Verdict::missed || it.verdict == Verdict::partial)
      lane.marks.push_back({it.due != never && it.due <= s.end ? it.due : it.reached, Mark::Shape::cross, "#c62828",
                            verdict_text(it.verdict).in(lang) + " " + title});
  }

  // Geometry.
  const double left = 200, right = 24, width = 1180, plot = width - left - right;
  // From a little before the first inject, fault or business event (the quiet start is not news).
  SimTime first_news = s.end;
  for (const JournalEntry& e : s.journal)
    if (e.kind == EntryKind::inject || e.kind == EntryKind::fault || e.kind == EntryKind::message || e.kind == EntryKind::submit) {
      first_news = std::min(first_news, e.t);
      break;
    }
  for (const BusinessResult& b : s.business) first_news = std::min(first_news, m.scenario.calendar[b.event].at);
  const SimTime t0 = std::max<SimTime>(0, first_news - 900), t1 = std::max<SimTime>(s.end, t0 + 60);
  auto x = [&](SimTime t) { return left + plot * static_cast<double>(std::clamp(t, t0, t1) - t0) / static_cast<double>(t1 - t0); };
  const double row = 15, top = 36;
  // Stack each lane's bars into rows so that they do not overlap.
  std::vector<std::vector<int>> rows_of(lanes.size());
  std::vector<int> rows(lanes.size(), 1);
  for (std::size_t l = 0; l < lanes.size(); ++l) {
    std::vector<double> ends;
    for (const Bar& b : lanes[l].bars) {
      int r = 0;
      while (r < static_cast<int>(ends.size()) && ends[static_cast<std::size_t>(r)] > x(b.from) + 0.5 && r < 3) ++r;
      if (r == static_cast<int>(ends.size())) ends.push_back(0);
      ends[static_cast<std::size_t>(r)] = std::max(ends[static_cast<std::size_t>(r)], std::max(x(b.to), x(b.from) + 3));
      rows_of[l].push_back(r);
    }
    rows[l] = std::max<int>(1, static_cast<int>(ends.size()));
  }
  std::vector<double> lane_y(lanes.size());
  double y = top;
  for (std::size_t l = 0; l < lanes.size(); ++l) {
    lane_y[l] = y;
    y += 14 + row * rows[l] + (lanes[l].labels.empty() ? 0 : 12);
  }
  const double axis_bottom = y;
  const double height = y + 54;

  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0} {1:.0f}\" width=\"100%\" role=\"img\" "
      "font-family=\"'Noto Sans CJK SC','Noto Sans SC','WenQuanYi Micro Hei','Microsoft YaHei','PingFang SC',sans-serif\" "
      "font-size=\"13\"><title>{2}</title>\n",
      width, height, html_escape(zh ? "演练时间线" : "Drill timeline"));
  out += fmt::format("<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{:.0f}\" fill=\"#ffffff\"/>\n", width, height);
  // Time axis: ticks every 5 ... 240 minutes, at most 14 of them.
  SimTime step = 300;
  for (SimTime s2 : {300, 600, 900, 1800, 3600, 7200, 14400})
    if ((t1 - t0) / s2 <= 14) {
      step = s2;
      break;
    }
  SimTime first = ((m.scenario.start_epoch_s + t0 + step - 1) / step) * step - m.scenario.start_epoch_s;
  for (SimTime t = first; t <= t1; t += step) {
    double tx = x(t);
    out += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2:.0f}\" stroke=\"#e0e0e0\"/>\n", tx, top - 6, axis_bottom);
    out += fmt::format("<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\" fill=\"#555\">{}</text>\n", tx, top - 10,
                       at(t).substr(at(t).size() - 8, 5));
  }
  // Lanes.
  for (std::size_t l = 0; l < lanes.size(); ++l) {
    const Lane& lane = lanes[l];
    double ly = lane_y[l];
    double lh = 14 + row * rows[l] + (lane.labels.empty() ? 0 : 12);
    if (l % 2 == 1) out += fmt::format("<rect x=\"0\" y=\"{:.1f}\" width=\"{}\" height=\"{:.1f}\" fill=\"#f7f7f7\"/>\n", ly - 4, width, lh);
    out += fmt::format("<text x=\"8\" y=\"{:.1f}\" fill=\"#222\"><title>{}</title>{}</text>\n", ly + 10, html_escape(lane.name),
                       html_escape(fit(lane.name, left - 14)));
    for (std::size_t b = 0; b < lane.bars.size(); ++b) {
      const Bar& bar = lane.bars[b];
      double bx = x(bar.from), bw = std::max(3.0, x(bar.to) - bx);
      double by = ly + row * rows_of[l][b];
      out += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" rx=\"2\" fill=\"{}\"{}><title>{}</title></rect>\n",
                         bx, by, bw, row - 2, bar.colour, bar.outline ? " stroke=\"#000\" stroke-width=\"1.5\"" : "", html_escape(bar.title));
      if (!bar.label.empty() && bw >= 7.0 * static_cast<double>(bar.label.size()) && !lane.fault)
        out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"10\" fill=\"#fff\" text-anchor=\"middle\">{}</text>\n",
                           bx + bw / 2, by + row - 5, html_escape(bar.label));
      else if (!bar.label.empty() && lane.fault) {
        // The fault's name after its bar, or before it when there is no room on the right.
        const double room_right = width - (bx + bw + 4), room_left = bx - left - 4;
        if (room_right >= room_left)
          out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"11\" fill=\"#222\">{}</text>\n", bx + bw + 4,
                             by + row - 4, html_escape(fit(bar.label, room_right, 11)));
        else
          out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"11\" fill=\"#222\" text-anchor=\"end\">{}</text>\n",
                             bx - 4, by + row - 4, html_escape(fit(bar.label, room_left, 11)));
      }
    }
    for (const Mark& mk : lane.marks) {
      double mx = x(mk.t), my = ly + row / 2 - 1;
      switch (mk.shape) {
        case Mark::Shape::cross:
          out += fmt::format("<g stroke=\"{0}\" stroke-width=\"2\"><title>{1}</title><line x1=\"{2:.1f}\" y1=\"{3:.1f}\" x2=\"{4:.1f}\" y2=\"{5:.1f}\"/>"
                             "<line x1=\"{2:.1f}\" y1=\"{5:.1f}\" x2=\"{4:.1f}\" y2=\"{3:.1f}\"/></g>\n",
                             mk.colour, html_escape(mk.title), mx - 4, my - 4, mx + 4, my + 4);
          break;
        case Mark::Shape::deadline:
          out += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"{3}\" stroke-width=\"1.2\" "
                             "stroke-dasharray=\"3,2\"><title>{4}</title></line>\n",
                             mx, ly - 3, ly + row * rows[l] + 2, mk.colour, html_escape(mk.title));
          break;
        case Mark::Shape::triangle:
          out += fmt::format("<path d=\"M{:.1f},{:.1f} l5,9 l-10,0 z\" fill=\"{}\"><title>{}</title></path>\n", mx, my - 5, mk.colour, html_escape(mk.title));
          break;
        case Mark::Shape::dot:
          out += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"4.5\" fill=\"{}\"><title>{}</title></circle>\n", mx, my, mk.colour, html_escape(mk.title));
          break;
        case Mark::Shape::diamond:
          out += fmt::format("<path d=\"M{:.1f},{:.1f} l6,6 l-6,6 l-6,-6 z\" fill=\"{}\" stroke=\"#fff\"><title>{}</title></path>\n", mx,
                             my - 6, mk.colour, html_escape(mk.title));
          break;
      }
    }
    for (const auto& [text, t] : lane.labels)
      out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#333\">{}</text>\n", x(t),
                         ly + row * rows[l] + 12, html_escape(text));
  }
  // Legend.
  double ly = axis_bottom + 18;
  double lx = 8;
  auto legend_box = [&](const char* c, const std::string& text) {
    out += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"14\" height=\"9\" rx=\"2\" fill=\"{}\"/>", lx, ly - 8, c);
    out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"11\">{}</text>\n", lx + 18, ly, html_escape(text));
    lx += 26 + 12.0 * static_cast<double>(text.size()) / (zh ? 3.0 : 1.6);
  };
  legend_box("#2e7d32", zh ? "完成" : "done");
  legend_box("#ef6c00", zh ? "超时" : "late");
  legend_box("#7b1fa2", zh ? "岗位不符" : "wrong post");
  legend_box("#c0a000", zh ? "顺序不符" : "out of order");
  legend_box("#c62828", zh ? "违规/未完成" : "violation / missed");
  legend_box("#9e9e9e", zh ? "多余" : "needless");
  legend_box(other_colour, zh ? "其他动作" : "other action");
  legend_box("#e57373", zh ? "故障持续" : "fault lasting");
  ly += 18;
  lx = 8;
  out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"11\" fill=\"#333\">{}</text>\n", lx, ly,
                     html_escape(zh ? "✕ 未完成的步骤　┆ 期限　▲ 注入/达到级别　● 报告/宣布级别　◆ 业务事项（开标等）　条上数字为措施编号（见第三节）"
                            : "✕ missed step   ┆ deadline   ▲ inject / level reached   ● report / declaration   ◆ business event   numbers: measure # (section 3)"));
  out += "</svg>\n";
  return out;
}

}  // namespace drillsim::scoring
