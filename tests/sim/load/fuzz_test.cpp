// A small deterministic fuzz test: good fixtures mutated 2,000 ways (byte flips, truncations,
// insertions of YAML indicators, deletions, repeated lines). The loader must always return, and
// either load or list at least one problem, each with a sensible position.
#include <algorithm>
#include <cstdint>

#include "load_test_util.hpp"

using namespace drillsim;
using drillsim::test::read_text_file;
using drillsim::test::TempDir;

namespace {

// SplitMix64: the same cases on every compiler and platform.
struct Rng {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(next() % n); }
};

std::string mutate(std::string text, Rng& rng) {
  static const char* const pieces[] = {
      "[",  "]",  "{",   "}",       ":", ": ",   "- ",   "&a ",  "*a",       "!!",    "#",  "\"", "'", "|", ">", "\t",
      "\n", "  ", "-5m", "$target", "~", "null", "\x00", "\xFF", "\xE4\xB8", "---\n", "? ", ",",  "%", "@", "`"};
  const int rounds = 1 + static_cast<int>(rng.below(3));
  for (int i = 0; i < rounds && !text.empty(); ++i) {
    const std::size_t at = rng.below(text.size());
    switch (rng.below(6)) {
      case 0:
        text[at] = static_cast<char>(rng.below(256));
        break;
      case 1:
        text[at] = static_cast<char>(text[at] ^ (1 << rng.below(8)));
        break;
      case 2:
        text.resize(at);
        break;
      case 3: {
        const char* piece = pieces[rng.below(std::size(pieces))];
        text.insert(at, piece[0] ? std::string(piece) : std::string(1, '\0'));
        break;
      }
      case 4:
        text.erase(at, 1 + rng.below(40));
        break;
      case 5: {
        const std::size_t start = text.rfind('\n', at) == std::string::npos ? 0 : text.rfind('\n', at) + 1;
        const std::size_t end = text.find('\n', at);
        const std::string line = text.substr(start, end == std::string::npos ? std::string::npos : end - start + 1);
        text.insert(start, line);
        break;
      }
    }
  }
  return text;
}

}  // namespace

TEST_CASE("2,000 mutated fixtures: the loader always returns, with a model or with problems") {
  const char* const files[] = {"example_organisation.yaml", "example_platform.yaml", "example_catalog.yaml",
                               "example_plan.yaml",         "example_scenario.yaml", "mini_organisation.yaml",
                               "mini_platform.yaml",        "mini_catalog.yaml",     "mini_plan.yaml",
                               "mini_scenario.yaml"};
  TempDir dir("fuzz");
  for (const char* f : files) dir.copy(f);
  Rng rng{20260318};
  int loaded = 0, refused = 0, bad = 0;
  std::string first_bad;
  for (int n = 0; n < 2000; ++n) {
    const char* file = files[rng.below(std::size(files))];
    const std::string original = read_text_file(drillsim::test::fixture(file));
    const std::string text = mutate(original, rng);
    dir.write(file, text);
    const std::string top = std::string(file).rfind("mini_", 0) == 0 ? "mini_scenario.yaml" : "example_scenario.yaml";
    const LoadResult r = load_file(dir.path(top));
    const long lines = std::count(text.begin(), text.end(), '\n') + 1;
    bool sane = r.ok() == r.problems.empty() && (r.model != nullptr) == r.ok();
    for (const Diagnostic& d : r.problems) {
      sane = sane && !d.file.empty() && !d.message.empty() && d.line >= 0 && d.column >= 0;
      if (d.file == dir.path(file)) sane = sane && d.line <= lines;
    }
    if (r.ok())
      ++loaded;
    else
      ++refused;
    if (!sane && bad++ == 0)
      first_bad = std::string(file) + " case " + std::to_string(n) + drillsim::test::all_problems(r);
    dir.write(file, original);
  }
  INFO(first_bad);
  CHECK(bad == 0);
  CHECK(loaded + refused == 2000);
  CHECK(refused > 1000);  // most mutations break something
  MESSAGE("fuzz: " << loaded << " loaded, " << refused << " refused");
}
