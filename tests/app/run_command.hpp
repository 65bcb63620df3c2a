// Running the drillsim binary from tests and capturing what it prints, as a user would see it.
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace drillsim::test {

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr, interleaved
};

// Runs `drillsim ARGS` from the source folder (so relative scenario paths work).
inline CommandResult drillsim_cli(const std::string& args) {
  // Drills are stored by default in the user's data folder: tests keep theirs in a scratch one.
  std::string command = std::string("cd '") + DRILLSIM_SOURCE_DIR + "' && XDG_DATA_HOME=\"${TMPDIR:-/tmp}/drillsim-tests-data\" '" +
                        DRILLSIM_BINARY + "' " + args + " 2>&1";
  CommandResult r;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return r;
  std::array<char, 4096> buffer;
  std::size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) r.output.append(buffer.data(), n);
  int status = pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

inline bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace drillsim::test
