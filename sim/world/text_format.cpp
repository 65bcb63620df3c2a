// Placeholder filling for message and observation texts.
#include "sim/world/text_format.hpp"

namespace drillsim {
namespace {
std::string replace_all(std::string s, const std::string& pattern, const std::string& value) {
  if (pattern.empty()) return s;
  for (std::size_t pos = s.find(pattern); pos != std::string::npos; pos = s.find(pattern, pos + value.size()))
    s.replace(pos, pattern.size(), value);
  return s;
}
}  // namespace

Text fill(const Text& text, std::string_view key, const Text& value) {
  std::string pattern = "{" + std::string(key) + "}";
  return Text{replace_all(text.zh, pattern, value.in(Lang::zh)), replace_all(text.en, pattern, value.in(Lang::en))};
}

}  // namespace drillsim
