// A path under the temporary folder that belongs to this test process alone: two test runs at once
// (a developer's and CI's, two build folders) never clear each other's files. What is made there is
// removed when the process ends. (The GUI tours keep fixed folders on purpose: their screenshots are
// there to be looked at.)
#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

namespace drillsim::test_files {

inline std::filesystem::path scratch_path(const std::string& name) {
  struct Cleanup {
    std::vector<std::filesystem::path> paths;
    ~Cleanup() {
      for (const auto& p : paths) {
        std::error_code ignored;
        std::filesystem::remove_all(p, ignored);
      }
    }
  };
  static Cleanup cleanup;
  std::filesystem::path path = std::filesystem::temp_directory_path() / (name + "_" + std::to_string(::getpid()));
  cleanup.paths.push_back(path);
  return path;
}

}  // namespace drillsim::test_files
