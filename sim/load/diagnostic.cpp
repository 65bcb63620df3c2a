// Formatting of load problems.
#include "sim/load/diagnostic.hpp"

namespace drillsim {

std::string Diagnostic::str() const {
  std::string out = file;
  if (line > 0) {
    out += ':' + std::to_string(line);
    if (column > 0) out += ':' + std::to_string(column);
  }
  out += ": ";
  out += message;
  return out;
}

}  // namespace drillsim
