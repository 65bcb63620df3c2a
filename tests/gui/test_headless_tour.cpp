// The console as a user would drive it: drillsim-gui runs the tour script headless under Xvfb in
// Chinese and English at 1280x800 and 1920x1080; every screenshot must show something (not a blank
// window), every glyph of the used text must be in the atlas, and every string key must exist.
#include <doctest/doctest.h>

#include <SFML/Graphics/Image.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "gui_test_support.hpp"

namespace fs = std::filesystem;
using namespace drillsim::gui;

namespace {

// Under the sanitizer build, Mesa's driver (unloaded before exit, so its stacks cannot be named)
// keeps memory until exit: leak checking is off in the windowed process. The console's own code is
// leak-checked in process by test_console_frames.cpp.
std::string sanitizer_env() { return "ASAN_OPTIONS=detect_leaks=0 "; }

bool have(const char* program) {
  std::string cmd = std::string("command -v ") + program + " >/dev/null 2>&1";
  return std::system(cmd.c_str()) == 0;
}

std::string read(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Variance of the luminance over a grid of samples, and the number of distinct sampled colours.
void image_stats(const sf::Image& img, double& variance, std::size_t& colours) {
  sf::Vector2u size = img.getSize();
  double sum = 0, sum2 = 0;
  int n = 0;
  std::vector<sf::Uint32> seen;
  for (unsigned y = 0; y < size.y; y += 7)
    for (unsigned x = 0; x < size.x; x += 7) {
      sf::Color c = img.getPixel(x, y);
      double l = 0.299 * c.r + 0.587 * c.g + 0.114 * c.b;
      sum += l, sum2 += l * l, ++n;
      sf::Uint32 key = c.toInteger();
      if (seen.size() < 4096 && std::find(seen.begin(), seen.end(), key) == seen.end()) seen.push_back(key);
    }
  double mean = sum / n;
  variance = sum2 / n - mean * mean;
  colours = seen.size();
}

const char* shots[] = {"01_start",          "02_situation_truth",     "03_situation_known", "04_inbox",
                       "05_actions",        "06_plan",                "07_facilitator",     "08_timeline",
                       "09_trainee_situation", "10_trainee_inbox", "11_debrief",
                       "12_verdicts",       "13_improvements",        "14_records"};

}  // namespace

TEST_CASE("the tour script runs headless in zh and en at 1280x800 and 1920x1080 with complete glyphs") {
  fs::path gui = fs::path(DRILLSIM_BINARY).parent_path() / "drillsim-gui";
  REQUIRE_MESSAGE(fs::exists(gui), "build the drillsim-gui target first: " << gui.string());
  std::string runner;
  if (have("xvfb-run")) {
    runner = "xvfb-run -a -s '-screen 0 1920x1080x24' ";
  } else if (std::getenv("DISPLAY") && *std::getenv("DISPLAY")) {
    runner = "";
  } else {
    MESSAGE("skipped: neither xvfb-run nor a display is available (apt-get install xvfb xauth)");
    return;
  }
  fs::path out = fs::temp_directory_path() / "drillsim-gui-tour";
  fs::remove_all(out);
  for (const char* lang : {"zh", "en"}) {
    for (const char* size : {"1280x800", "1920x1080"}) {
      fs::path dir = out / (std::string(lang) + "_" + size);
      std::string cmd = sanitizer_env() + runner + "'" + gui.string() + "' --script '" + test::source_path("tests/gui/tour.script") +
                        "' --screenshots '" + dir.string() + "' --lang " + lang + " --size " + size + " > '" +
                        (out / "log.txt").string() + "' 2>&1";
      fs::create_directories(out);
      int rc = std::system(cmd.c_str());
      if (rc != 0 || !fs::exists(dir / "report.txt")) {
        MESSAGE("retrying once (Xvfb can fail to come up on a busy machine):\n" << read(out / "log.txt"));
        rc = std::system(cmd.c_str());
      }
      INFO(std::string(lang) << " " << std::string(size) << "\n" << read(out / "log.txt"));
      REQUIRE(rc == 0);
      std::string report = read(dir / "report.txt");
      CHECK(report.find("glyphs_missing=0\n") != std::string::npos);
      CHECK(report.find("missing_key=") == std::string::npos);
      // The after-action report was exported through scoring/ and holds the drill's Chinese text.
      std::string html = read(dir / "report" / "drill-report.html");
      CHECK(html.find("<html") != std::string::npos);
      CHECK(html.size() > 5000);
      unsigned w = 0, h = 0;
      std::sscanf(size, "%ux%u", &w, &h);
      for (const char* shot : shots) {
        sf::Image img;
        fs::path png = dir / (std::string(shot) + ".png");
        INFO(png.string());
        REQUIRE(img.loadFromFile(png.string()));
        CHECK(img.getSize() == sf::Vector2u(w, h));
        double variance = 0;
        std::size_t colours = 0;
        image_stats(img, variance, colours);
        CHECK(variance > 50.0);   // a blank or single-colour window has none
        CHECK(colours > 12);      // text, panels, badges
      }
    }
  }
}

TEST_CASE("a drill whose process died resumes where it stopped when the console starts again") {
  fs::path gui = fs::path(DRILLSIM_BINARY).parent_path() / "drillsim-gui";
  REQUIRE(fs::exists(gui));
  if (!have("xvfb-run")) {
    MESSAGE("skipped: xvfb-run is not installed");
    return;
  }
  fs::path out = fs::temp_directory_path() / "drillsim-gui-crash";
  fs::remove_all(out);
  fs::create_directories(out);
  std::string state = (out / "state").string();
  auto run = [&](const char* script, const char* shots) {
    std::string cmd = sanitizer_env() + "xvfb-run -a -s '-screen 0 1280x800x24' '" + gui.string() + "' --script '" +
                      test::source_path(std::string("tests/gui/") + script) + "' --screenshots '" +
                      (out / shots).string() + "' --state-dir '" + state + "' --store '" + state +
                      "/drills.db' --size 1280x800 > '" + (out / "log.txt").string() + "' 2>&1";
    return std::system(cmd.c_str());
  };
  REQUIRE(run("crash_part1.script", "part1") == 0);
  int rc = run("crash_part2.script", "part2");
  INFO(read(out / "log.txt"));
  REQUIRE(rc == 0);
  sf::Image img;
  REQUIRE(img.loadFromFile((out / "part2" / "resumed_timeline.png").string()));
  double variance = 0;
  std::size_t colours = 0;
  image_stats(img, variance, colours);
  CHECK(variance > 50.0);
}
