// The after-action report as Markdown (the timeline as a table of key events; the SVG is in the HTML).
#include <fmt/format.h>

#include "scoring/report_internal.hpp"

namespace drillsim::scoring {
namespace {

// Table cells: no line breaks, no unescaped pipes.
std::string cell(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n' || c == '\r') out += ' ';
    else out += c;
  }
  return out;
}

}  // namespace

std::string report_markdown(const ReportInput& in) {
  detail::Document doc = detail::build_report(in);
  const bool zh = in.lang == Lang::zh;
  std::string out = "# " + doc.title + "\n\n" + doc.subtitle + "\n\n";
  out += fmt::format("**{}：{} / 100（{}）**\n\n", zh ? "总分" : "Score", doc.score, doc.rating);
  out += zh ? "| 项目 | 内容 |\n|---|---|\n" : "| | |\n|---|---|\n";
  for (const auto& [k, v] : doc.facts) out += "| " + cell(k) + " | " + cell(v) + " |\n";
  for (const detail::Section& sec : doc.sections) {
    out += "\n## " + sec.title + "\n\n";
    for (const detail::Block& b : sec.blocks) {
      switch (b.kind) {
        case detail::Block::Kind::paragraph: out += b.text + "\n\n"; break;
        case detail::Block::Kind::note: out += "> " + b.text + "\n\n"; break;
        case detail::Block::Kind::list:
          for (const auto& item : b.items) out += "- " + item + "\n";
          out += "\n";
          break;
        case detail::Block::Kind::timeline:
          out += zh ? "（时间线图见 HTML 版报告。）\n\n" : "(The timeline chart is in the HTML report.)\n\n";
          break;
        case detail::Block::Kind::table: {
          out += "|";
          for (const auto& h : b.table.head) out += " " + cell(h) + " |";
          out += "\n|";
          for (std::size_t i = 0; i < b.table.head.size(); ++i) out += "---|";
          out += "\n";
          for (const auto& row : b.table.rows) {
            out += "|";
            for (const auto& c : row) out += " " + cell(c.text) + " |";
            out += "\n";
          }
          out += "\n";
          break;
        }
      }
    }
  }
  return out;
}

}  // namespace drillsim::scoring
