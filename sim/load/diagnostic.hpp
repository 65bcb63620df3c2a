// A problem found while loading a file, reported as `path:line:col: message`.
#pragma once

#include <string>
#include <vector>

namespace drillsim {

struct Diagnostic {
  std::string file;
  int line = 0;    // 1-based; 0 when the problem is about the whole file
  int column = 0;  // 1-based
  std::string message;
  std::string str() const;  // "file:line:col: message"
};

using Diagnostics = std::vector<Diagnostic>;

}  // namespace drillsim
