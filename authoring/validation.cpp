// Live validation: the document is written as it would be saved (header + canonical text) and
// loaded with the loader's own rules, its text (and other unsaved documents') in place of the
// files on disk. Problems in this document are taken back to the field they are about.
#include "authoring/validation.hpp"

#include <algorithm>

namespace drillsim::authoring {

namespace {

int count_lines(std::string_view text) { return static_cast<int>(std::count(text.begin(), text.end(), '\n')); }

}  // namespace

std::string Problem::str() const { return Diagnostic{file, line, column, message}.str(); }

Validation validate(const Document& doc, const std::vector<const Document*>& unsaved,
                    const std::string& plan_override) {
  UnsavedTexts texts;
  for (const Document* other : unsaved)
    if (other && !other->path.empty()) texts[unsaved_key(other->path)] = saved_text(*other);
  const Emitted emitted = emit(doc);
  const std::string key = unsaved_key(doc.path);
  const std::string header = header_text(doc);
  texts[key] = header + emitted.text;
  const int header_lines = count_lines(header);

  const LoadResult loaded = load_file_with(doc.path, texts, plan_override);
  Validation result;
  if (loaded.ok()) {
    result.model = loaded.model;
    return result;
  }
  for (const Diagnostic& d : loaded.problems) {
    Problem p{d.file, d.line, d.column, d.message, {}};
    if (unsaved_key(d.file) == key && d.line > header_lines)
      p.path = emitted.path_at(d.line - header_lines, d.column);
    result.problems.push_back(std::move(p));
  }
  return result;
}

}  // namespace drillsim::authoring
