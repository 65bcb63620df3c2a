// Writing the report files: HTML or Markdown by extension, the two CSVs into a folder.
#include <filesystem>
#include <fstream>

#include "scoring/report.hpp"

namespace drillsim::scoring {
namespace {

bool write(const std::string& path, const std::string& content, std::string& error) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
  out.close();
  if (!out) {
    error = path + ": cannot write it";
    return false;
  }
  return true;
}

}  // namespace

bool write_report_files(const ReportInput& in, const std::vector<std::string>& paths, const std::string& csv_dir,
                        std::vector<std::string>& written, std::string& error) {
  namespace fs = std::filesystem;
  for (const std::string& path : paths) {
    std::string ext = fs::path(path).extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string content;
    if (ext == ".html" || ext == ".htm") content = report_html(in);
    else if (ext == ".md" || ext == ".markdown") content = report_markdown(in);
    else {
      error = path + ": a report is .html or .md";
      return false;
    }
    if (!write(path, content, error)) return false;
    written.push_back(path);
  }
  if (!csv_dir.empty()) {
    std::error_code ec;
    fs::create_directories(csv_dir, ec);
    std::string journal = (fs::path(csv_dir) / "journal.csv").string();
    std::string verdicts = (fs::path(csv_dir) / "verdicts.csv").string();
    if (!write(journal, journal_csv(*in.model, in.sheet->journal, in.lang), error)) return false;
    if (!write(verdicts, verdicts_csv(*in.model, *in.sheet, in.lang), error)) return false;
    written.push_back(journal);
    written.push_back(verdicts);
  }
  return true;
}

}  // namespace drillsim::scoring
