// Helpers for the loader tests: fixture paths, temporary chains, and problem matching.
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <unistd.h>

#include "sim/load/loader.hpp"

namespace drillsim::test {

inline std::string data_dir() { return std::string(DRILLSIM_SOURCE_DIR) + "/tests/sim/load/data/"; }
inline std::string fixture(std::string_view name) { return data_dir() + std::string(name); }

inline std::string read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void write_text_file(const std::string& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

// A scratch directory, removed afterwards; files may be copied from the fixtures and edited.
class TempDir {
 public:
  explicit TempDir(std::string_view name) {
    static int counter = 0;
    dir_ = std::filesystem::temp_directory_path() /
           ("drillsim_load_" + std::string(name) + "_" + std::to_string(::getpid()) + "_" + std::to_string(++counter));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  std::string path(std::string_view name) const { return (dir_ / std::string(name)).string(); }
  std::string write(std::string_view name, std::string_view text) const {
    write_text_file(path(name), text);
    return path(name);
  }
  // Copies the fixture `name`, replacing `from` by `to` (which must occur) when given.
  std::string copy(std::string_view name, std::string_view from = {}, std::string_view to = {}) const {
    std::string text = read_text_file(fixture(name));
    if (!from.empty()) {
      const auto at = text.find(from);
      REQUIRE_MESSAGE(at != std::string::npos, "fixture " << name << " lacks: " << from);
      text.replace(at, from.size(), to);
    }
    return write(name, text);
  }
  // Copies the fixture `name` with several replacements, each of which must occur.
  std::string copy_edited(std::string_view name, const std::vector<std::pair<std::string, std::string>>& edits) const {
    std::string text = read_text_file(fixture(name));
    for (const auto& [from, to] : edits) {
      const auto at = text.find(from);
      REQUIRE_MESSAGE(at != std::string::npos, "fixture " << name << " lacks: " << from);
      text.replace(at, from.size(), to);
    }
    return write(name, text);
  }
  // Copies the whole mini_* chain.
  void copy_mini_chain() const {
    for (const char* f :
         {"mini_organisation.yaml", "mini_platform.yaml", "mini_catalog.yaml", "mini_plan.yaml", "mini_scenario.yaml"})
      copy(f);
  }

 private:
  std::filesystem::path dir_;
};

// "line:col" (1-based, columns in characters) of the first occurrence of `needle` in `text`.
inline std::string where(std::string_view text, std::string_view needle) {
  const auto at = text.find(needle);
  REQUIRE_MESSAGE(at != std::string_view::npos, "no " << needle);
  int line = 1, column = 1;
  for (std::size_t i = 0; i < at; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0u) != 0x80u) {
      ++column;
    }
  }
  return std::to_string(line) + ":" + std::to_string(column);
}

inline std::string all_problems(const LoadResult& r) {
  std::string out;
  for (const auto& p : r.problems) out += "\n  " + p.str();
  return out.empty() ? "\n  (no problems)" : out;
}

// True when some problem reads "<prefix>..." and contains `part`.
inline bool has_problem(const LoadResult& r, const std::string& prefix, std::string_view part = {}) {
  for (const auto& p : r.problems) {
    const std::string s = p.str();
    if (s.rfind(prefix, 0) == 0 && s.find(part) != std::string::npos) return true;
  }
  return false;
}

}  // namespace drillsim::test

// Checks that loading failed with a problem at exactly `prefix` ("file:line:col: ") mentioning `part`.
#define CHECK_PROBLEM(result, prefix, part)                                           \
  do {                                                                                \
    CHECK_FALSE((result).ok());                                                       \
    CHECK_MESSAGE(::drillsim::test::has_problem((result), (prefix), (part)),          \
                  "expected " << std::string(prefix) << "..." << std::string(part)    \
                              << ", got:" << ::drillsim::test::all_problems(result)); \
  } while (0)
