// Helpers for the document, validation and saving tests: scratch folders (copies of a seed),
// reading and writing files, and listing the shipped YAML files.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

#include "authoring/document.hpp"

namespace drillsim::test {

inline std::string source_path(const std::string& relative) {
  return std::string(DRILLSIM_SOURCE_DIR) + "/" + relative;
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void write_file(const std::string& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

// Every .yaml file under scenarios/, sorted.
inline std::vector<std::string> shipped_yaml_files() {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(source_path("scenarios")))
    if (entry.is_regular_file() && entry.path().extension() == ".yaml") files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

// A scratch folder under the system's temporary folder, removed afterwards. `copy_seed` copies a
// seed folder of scenarios/ (e.g. "002_beijing") into it.
class Scratch {
 public:
  explicit Scratch(std::string_view name) {
    static int counter = 0;
    dir_ = std::filesystem::temp_directory_path() / ("drillsim_authoring_" + std::string(name) + "_" +
                                                     std::to_string(::getpid()) + "_" + std::to_string(++counter));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  ~Scratch() {
    std::error_code ec;
    std::filesystem::permissions(dir_, std::filesystem::perms::owner_all, std::filesystem::perm_options::add, ec);
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir_, ec))
      if (entry.is_directory())
        std::filesystem::permissions(entry.path(), std::filesystem::perms::owner_all,
                                     std::filesystem::perm_options::add, ec);
    std::filesystem::remove_all(dir_, ec);
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;

  std::string path(std::string_view relative) const { return (dir_ / std::string(relative)).string(); }
  std::string copy_seed(const std::string& seed) const {
    std::filesystem::copy(source_path("scenarios/" + seed), dir_ / seed, std::filesystem::copy_options::recursive);
    return path(seed);
  }

 private:
  std::filesystem::path dir_;
};

inline authoring::Document read_or_fail(const std::string& path) {
  authoring::Document doc;
  Diagnostics problems;
  const bool ok = authoring::read_document(path, doc, problems);
  std::string listed;
  for (const auto& p : problems) listed += p.str() + "\n";
  INFO(listed);
  REQUIRE(ok);
  return doc;
}

}  // namespace drillsim::test
