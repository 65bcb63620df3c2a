// Text and HTML renderings of a Monte Carlo evaluation.
#include "evaluation/evaluation_report.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "scoring/report.hpp"

namespace drillsim {
namespace {

std::string value_text(const MetricDef& d, const Accumulator& a) {
  if (a.count() == 0) return "-";
  switch (d.kind) {
    case MetricDef::Kind::probability: {
      double lo = 0, hi = 0;
      wilson95(static_cast<std::uint64_t>(std::llround(a.mean() * static_cast<double>(a.count()))), a.count(), lo, hi);
      return fmt::format("{:.1f}% [{:.1f}, {:.1f}]", a.mean() * 100, lo * 100, hi * 100);
    }
    case MetricDef::Kind::duration:
      return fmt::format("{:.1f} min ±{:.1f}", a.mean() / 60, a.ci95() / 60);
    case MetricDef::Kind::number:
      return fmt::format("{:.2f} ±{:.2f}", a.mean(), a.ci95());
  }
  return "";
}

std::string diff_text(const MetricResult& m) {
  if (m.diff.count() == 0) return "-";
  double scale = m.def.kind == MetricDef::Kind::probability ? 100 : m.def.kind == MetricDef::Kind::duration ? 1.0 / 60 : 1;
  const char* unit = m.def.kind == MetricDef::Kind::probability ? " pt" : m.def.kind == MetricDef::Kind::duration ? " min" : "";
  return fmt::format("{:+.1f}{} ±{:.1f}{}", m.diff.mean() * scale, unit, m.diff.ci95() * scale, m.significant() ? " *" : "");
}


// A histogram (bars) and its cumulative curve (line) for plan A, with plan B's curve beside it.
std::string histogram_svg(const MetricResult& m, bool compared) {
  const auto& a = m.a.bins();
  if (a.empty() || m.a.count() == 0) return "";
  const int w = 360, h = 120, pad = 20;
  std::uint64_t peak = *std::max_element(a.begin(), a.end());
  if (compared)
    for (auto v : m.b.bins()) peak = std::max(peak, v);
  std::string svg = fmt::format(
      "<svg xmlns='http://www.w3.org/2000/svg' width='{}' height='{}' viewBox='0 0 {} {}'>"
      "<rect x='0' y='0' width='{}' height='{}' fill='#fafafa' stroke='#ccc'/>",
      w, h + pad, w, h + pad, w, h + pad);
  double bw = static_cast<double>(w) / static_cast<double>(a.size());
  auto bars = [&](const std::vector<std::uint64_t>& bins, const char* colour, double shift) {
    for (std::size_t i = 0; i < bins.size(); ++i) {
      if (!bins[i]) continue;
      double bh = static_cast<double>(bins[i]) / static_cast<double>(peak) * (h - 10);
      svg += fmt::format("<rect x='{:.1f}' y='{:.1f}' width='{:.1f}' height='{:.1f}' fill='{}' opacity='0.6'/>",
                         static_cast<double>(i) * bw + shift, h - bh, bw / (compared ? 2 : 1), bh, colour);
    }
  };
  auto cumulative = [&](const Accumulator& acc, const char* colour) {
    std::string points;
    std::uint64_t sum = 0;
    for (std::size_t i = 0; i < acc.bins().size(); ++i) {
      sum += acc.bins()[i];
      double y = h - static_cast<double>(sum) / static_cast<double>(acc.count()) * (h - 10);
      points += fmt::format("{:.1f},{:.1f} ", static_cast<double>(i + 1) * bw, y);
    }
    svg += fmt::format("<polyline points='0,{} {}' fill='none' stroke='{}' stroke-width='1.5'/>", h, points, colour);
  };
  bars(a, "#4a78b5", 0);
  if (compared) bars(m.b.bins(), "#d9822b", bw / 2);
  cumulative(m.a, "#1f3f6b");
  if (compared && m.b.count()) cumulative(m.b, "#8a4a0b");
  double scale = m.def.kind == MetricDef::Kind::duration ? 60 : 1;
  const char* unit = m.def.kind == MetricDef::Kind::duration ? " min" : "";
  svg += fmt::format("<text x='2' y='{}' font-size='10'>{:.0f}{}</text><text x='{}' y='{}' font-size='10' "
                     "text-anchor='end'>{:.0f}{}</text></svg>",
                     h + 14, m.a.lo() / scale, unit, w - 2, h + 14, m.a.hi() / scale, unit);
  return svg;
}

}  // namespace

std::string evaluation_text(const EvaluationResult& r, Lang lang) {
  const bool zh = lang == Lang::zh;
  std::string out;
  for (const ScenarioResult& s : r.scenarios) {
    out += fmt::format("\n{} ({}) — {} {}\n", s.name.in(lang), s.scenario_id, r.runs, zh ? "次运行" : "runs");
    out += r.compared ? fmt::format("  {:<52} {:<28} {:<28} {}\n", zh ? "指标" : "metric", "A " + r.plan_a,
                                    "B " + r.plan_b, zh ? "差值 B−A（*显著）" : "B - A (* significant)")
                      : fmt::format("  {:<52} {}\n", zh ? "指标" : "metric", r.plan_a);
    for (const MetricResult& m : s.metrics) {
      std::string name = m.def.name.in(lang);
      if (r.compared)
        out += fmt::format("  {:<52} {:<28} {:<28} {}\n", name, value_text(m.def, m.a), value_text(m.def, m.b), diff_text(m));
      else
        out += fmt::format("  {:<52} {}\n", name, value_text(m.def, m.a));
    }
  }
  out += fmt::format(fmt::runtime(zh ? "\n用时 {:.1f} 秒\n" : "\n{:.1f} s\n"), r.seconds);
  return out;
}

std::string evaluation_html(const EvaluationResult& r, Lang lang) {
  const bool zh = lang == Lang::zh;
  std::string html = fmt::format(
      "<!DOCTYPE html><html lang='{}'><head><meta charset='utf-8'><title>{}</title><style>"
      "body{{font-family:'Noto Sans CJK SC','WenQuanYi Micro Hei',sans-serif;margin:2em;color:#222}}"
      "table{{border-collapse:collapse;margin:1em 0}}td,th{{border:1px solid #ccc;padding:4px 8px;vertical-align:top;"
      "font-size:13px}}th{{background:#eef}}.sig{{color:#b00;font-weight:bold}}"
      "@media print{{body{{margin:0}}tr{{page-break-inside:avoid}}}}</style></head><body>",
      zh ? "zh" : "en", zh ? "预案评估" : "Plan evaluation");
  html += fmt::format("<h1>{}</h1><p>{}: {} {}</p>", zh ? "预案评估（蒙特卡洛）" : "Plan evaluation (Monte Carlo)",
                      zh ? "方案A" : "Plan A", scoring::html_escape(r.plan_a),
                      r.compared ? fmt::format("— {}: {}", zh ? "方案B" : "plan B", scoring::html_escape(r.plan_b)) : "");
  html += fmt::format("<p>{} {}；{}</p>", r.runs, zh ? "次运行/场景" : "runs per scenario",
                      zh ? "概率给出95%置信区间（Wilson），时长与数值给出均值±95%区间；差值为同一随机数下的配对差（公共随机数），*表示显著"
                         : "probabilities with 95% Wilson intervals; durations and numbers as mean ±95% interval; differences are "
                           "paired over runs with common random numbers, * marks a significant one");
  for (const ScenarioResult& s : r.scenarios) {
    html += fmt::format("<h2>{} <small>({})</small></h2><table><tr><th>{}</th><th>A</th>", scoring::html_escape(s.name.in(lang)),
                        scoring::html_escape(s.scenario_id), zh ? "指标" : "metric");
    if (r.compared) html += fmt::format("<th>B</th><th>{}</th>", zh ? "差值 B−A" : "B − A");
    html += fmt::format("<th>{}</th></tr>", zh ? "分布（柱：直方图，线：累积）" : "distribution (bars: histogram, lines: cumulative)");
    for (const MetricResult& m : s.metrics) {
      html += fmt::format("<tr><td>{}</td><td>{}</td>", scoring::html_escape(m.def.name.in(lang)), value_text(m.def, m.a));
      if (r.compared)
        html += fmt::format("<td>{}</td><td class='{}'>{}</td>", value_text(m.def, m.b), m.significant() ? "sig" : "",
                            diff_text(m));
      html += fmt::format("<td>{}</td></tr>", histogram_svg(m, r.compared));
    }
    html += "</table>";
  }
  html += "</body></html>\n";
  return html;
}

}  // namespace drillsim
