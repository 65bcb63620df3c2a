// The after-action report as one self-contained HTML file: inline CSS and SVG, no scripts, no
// external fonts; prints to PDF from a browser.
#include <fmt/format.h>

#include "scoring/report_internal.hpp"

namespace drillsim::scoring {
namespace {


constexpr const char* css = R"css(
:root { --done:#2e7d32; --late:#ef6c00; --wrong:#7b1fa2; --order:#a08400; --missed:#c62828; --open:#607d8b; --grey:#757575; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei",
       "PingFang SC", sans-serif; color: #222; font-size: 14px; line-height: 1.55; margin: 24px auto; max-width: 1200px;
       padding: 0 16px; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
header { display: flex; gap: 24px; align-items: flex-start; border-bottom: 3px solid #1f4e79; padding-bottom: 12px; }
header .titles { flex: 1; }
h1 { font-size: 24px; margin: 0 0 4px; color: #1f4e79; }
.subtitle { color: #555; margin: 0 0 10px; }
.score { min-width: 150px; text-align: center; border: 3px solid var(--grey); border-radius: 10px; padding: 8px 12px; }
.score .n { font-size: 34px; font-weight: bold; line-height: 1.1; }
.score.r-P { border-color: var(--done); color: var(--done); }
.score.r-S { border-color: #9e9d24; color: #827717; }
.score.r-M { border-color: var(--late); color: var(--late); }
.score.r-U { border-color: var(--missed); color: var(--missed); }
dl.facts { display: grid; grid-template-columns: max-content 1fr max-content 1fr; gap: 2px 14px; margin: 0; font-size: 13px; }
dl.facts dt { color: #555; }
dl.facts dd { margin: 0; }
h2 { font-size: 18px; color: #1f4e79; border-left: 5px solid #1f4e79; padding-left: 8px; margin: 26px 0 8px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 14px; font-size: 13px; }
th, td { border: 1px solid #cfcfcf; padding: 4px 6px; vertical-align: top; text-align: left; }
th { background: #eef2f7; white-space: nowrap; }
table.compact td, table.compact th { padding: 2px 5px; font-size: 12px; }
td.done { color: var(--done); font-weight: 600; }
td.late { color: var(--late); font-weight: 600; }
td.wrong_post { color: var(--wrong); font-weight: 600; }
td.out_of_order { color: var(--order); font-weight: 600; }
td.partial, td.needless { color: var(--grey); font-weight: 600; }
td.missed, td.violation, td.lost, td.wrong_level { color: var(--missed); font-weight: 600; }
td.open { color: var(--open); }
td.nowrap { white-space: nowrap; }
td.rating-P { color: var(--done); font-weight: 600; } td.rating-S { color: #827717; font-weight: 600; }
td.rating-M { color: var(--late); font-weight: 600; } td.rating-U { color: var(--missed); font-weight: 600; }
ul { margin: 4px 0 12px; padding-left: 22px; }
p.note { color: #666; font-size: 12px; }
.timeline { border: 1px solid #ddd; padding: 4px; margin: 6px 0 12px; background: #fff; }
footer { margin-top: 30px; color: #777; font-size: 12px; border-top: 1px solid #ddd; padding-top: 6px; }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { margin: 0; max-width: none; font-size: 11px; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  tr, li, .timeline { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  table { font-size: 10.5px; }
}
)css";

}  // namespace

std::string report_html(const ReportInput& in) {
  detail::Document doc = detail::build_report(in);
  const bool zh = in.lang == Lang::zh;
  std::string out;
  out += fmt::format("<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n", zh ? "zh-CN" : "en");
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>" + html_escape(doc.title) + "</title>\n<style>" + css + "</style>\n</head>\n<body>\n";
  out += "<header><div class=\"titles\"><h1>" + html_escape(doc.title) + "</h1><p class=\"subtitle\">" + html_escape(doc.subtitle) + "</p>\n<dl class=\"facts\">\n";
  for (const auto& [k, v] : doc.facts) out += "<dt>" + html_escape(k) + "</dt><dd>" + html_escape(v) + "</dd>\n";
  out += "</dl></div>\n";
  out += fmt::format("<div class=\"score r-{}\"><div>{}</div><div class=\"n\">{}</div><div>{}</div></div></header>\n", doc.rating_letter,
                     zh ? "总分" : "Score", html_escape(doc.score), html_escape(doc.rating));
  for (const detail::Section& sec : doc.sections) {
    out += "<section id=\"" + sec.id + "\">\n<h2>" + html_escape(sec.title) + "</h2>\n";
    for (const detail::Block& b : sec.blocks) {
      switch (b.kind) {
        case detail::Block::Kind::paragraph: out += "<p>" + html_escape(b.text) + "</p>\n"; break;
        case detail::Block::Kind::note: out += "<p class=\"note\">" + html_escape(b.text) + "</p>\n"; break;
        case detail::Block::Kind::list:
          out += "<ul>\n";
          for (const auto& item : b.items) out += "<li>" + html_escape(item) + "</li>\n";
          out += "</ul>\n";
          break;
        case detail::Block::Kind::timeline: out += "<div class=\"timeline\">\n" + timeline_svg(in) + "</div>\n"; break;
        case detail::Block::Kind::table: {
          out += b.table.compact ? "<table class=\"compact\">\n<thead><tr>" : "<table>\n<thead><tr>";
          for (const auto& h : b.table.head) out += "<th>" + html_escape(h) + "</th>";
          out += "</tr></thead>\n<tbody>\n";
          for (const auto& row : b.table.rows) {
            out += "<tr>";
            for (const auto& cell : row)
              out += (cell.cls.empty() ? "<td>" : "<td class=\"" + cell.cls + "\">") + html_escape(cell.text) + "</td>";
            out += "</tr>\n";
          }
          out += "</tbody></table>\n";
          break;
        }
      }
    }
    out += "</section>\n";
  }
  out += "<footer>" + html_escape(zh ? "由 drillsim 根据演练日志生成；同一日志与评分标准总得出同一结果。"
                             : "Made by drillsim from the drill's journal; the same journal and rubric always give the same result.") +
         "</footer>\n</body>\n</html>\n";
  return out;
}

std::string html_escape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace drillsim::scoring
