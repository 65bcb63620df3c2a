// Writing a drill in the console (issue 7's "done when"): tests/gui/author.script builds a new
// single-topic drill for seed 002's expert-absent procedure with author steps only, in a scratch
// copy of scenarios/002_beijing, in zh (1280x800) and en (1920x1080) under Xvfb. Then: the saved
// file validates with the command line, loads and drills (the plan-following policy holds project
// A's evaluation, late but held; nobody responding misses it), the MSEL CSV was exported, the plan
// revision was saved beside the old plan (which is unchanged), the console drills the new scenario
// to its debrief, and the screenshots show something.
#include <doctest/doctest.h>

#include <SFML/Graphics/Image.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "gui_test_support.hpp"
#include "sim/world/drill.hpp"
#include "sim/world/outcomes.hpp"
#include "sim/world/plan_policy.hpp"

namespace fs = std::filesystem;
using namespace drillsim;

namespace {

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool have(const char* program) {
  std::string cmd = std::string("command -v ") + program + " >/dev/null 2>&1";
  return std::system(cmd.c_str()) == 0;
}

BusinessState outcome(const Drill& d, const std::string& event) {
  Ix b = d.model().find_business_event(event);
  REQUIRE(b != no_ix);
  return d.truth().business[b].state;
}

const char* shots[] = {"a01_author_home", "a02_header",       "a03_calendar", "a04_objectives", "a05_msel",
                       "a06_problem",     "a07_try",          "a08_msel_filtered", "a09_plan_step", "a10_plan_saved",
                       "a11_drill_situation", "a12_drill_debrief"};

}  // namespace

TEST_CASE("a trainer writes a new expert-absent drill in the console; it validates and drills") {
  fs::path gui = fs::path(DRILLSIM_BINARY).parent_path() / "drillsim-gui";
  REQUIRE_MESSAGE(fs::exists(gui), "build the drillsim-gui target first: " << gui.string());
  if (!have("xvfb-run")) {
    MESSAGE("skipped: xvfb-run is not installed (apt-get install xvfb xauth)");
    return;
  }
  fs::path root = fs::temp_directory_path() / "drillsim-author-tour";
  fs::remove_all(root);
  const fs::path shipped = gui::test::source_path("scenarios/002_beijing");
  for (auto [lang, size] : {std::pair{"zh", "1280x800"}, std::pair{"en", "1920x1080"}}) {
    fs::path scratch = root / lang;
    fs::create_directories(scratch);
    fs::copy(shipped, scratch / "002_beijing", fs::copy_options::recursive);
    std::string script = read(gui::test::source_path("tests/gui/author.script"));
    for (std::size_t at; (at = script.find("@SCRATCH@")) != std::string::npos;) script.replace(at, 9, scratch.string());
    std::ofstream(scratch / "author.script") << script;
    fs::path shots_dir = scratch / "shots";
    std::string cmd = "ASAN_OPTIONS=detect_leaks=0 xvfb-run -a -s '-screen 0 1920x1080x24' '" + gui.string() +
                      "' --script '" + (scratch / "author.script").string() + "' --screenshots '" + shots_dir.string() +
                      "' --lang " + lang + " --size " + size + " > '" + (scratch / "log.txt").string() + "' 2>&1";
    int rc = std::system(cmd.c_str());
    if (rc != 0 && !fs::exists(shots_dir / "report.txt")) rc = std::system(cmd.c_str());  // Xvfb on a busy machine
    INFO(lang << "\n" << read(scratch / "log.txt"));
    REQUIRE(rc == 0);
    std::string report = read(shots_dir / "report.txt");
    CHECK(report.find("glyphs_missing=0\n") != std::string::npos);
    CHECK(report.find("missing_key=") == std::string::npos);

    // The drill was saved in the scratch copy, never in scenarios/.
    fs::path saved = scratch / "002_beijing/scenarios/expert_absent_console.yaml";
    REQUIRE(fs::exists(saved));
    CHECK_FALSE(fs::exists(shipped / "scenarios/expert_absent_console.yaml"));
    std::string yaml = read(saved);
    CHECK(yaml.find("评标专家未到场") != std::string::npos);
    CHECK(yaml.find("not_done") != std::string::npos);

    // The command line validates it.
    std::string validate = "'" + std::string(DRILLSIM_BINARY) + "' validate '" + saved.string() + "' > '" +
                           (scratch / "validate.txt").string() + "' 2>&1";
    INFO(read(scratch / "validate.txt"));
    CHECK(std::system(validate.c_str()) == 0);

    // It drills: the policy holds project A's evaluation (late: the emergency expert has to come);
    // nobody responding misses it.
    LoadResult loaded = load_scenario(saved.string());
    REQUIRE(loaded.ok());
    {
      Drill d(loaded.model);
      PlanPolicy policy(*loaded.model);
      run_with_policy(d, policy);
      BusinessState s = outcome(d, "eval_a");
      CHECK((s == BusinessState::held || s == BusinessState::delayed));
    }
    {
      Drill d(loaded.model);
      d.advance_to(d.end_time());
      CHECK(outcome(d, "eval_a") == BusinessState::missed);
    }

    // The MSEL went out as a spreadsheet (UTF-8 with a BOM).
    std::string csv = read(shots_dir / "expert_absent_console.msel.csv");
    CHECK(csv.rfind("\xEF\xBB\xBF", 0) == 0);
    CHECK(csv.find("expert_missing") != std::string::npos);

    // The plan revision sits beside the old plan, which is unchanged.
    CHECK(fs::exists(scratch / "002_beijing/plan.v2.yaml"));
    CHECK(read(scratch / "002_beijing/plan.yaml") == read(shipped / "plan.yaml"));
    CHECK(read(scratch / "002_beijing/plan.v2.yaml").find("2027-draft") != std::string::npos);

    unsigned w = 0, h = 0;
    std::sscanf(size, "%ux%u", &w, &h);
    for (const char* shot : shots) {
      sf::Image img;
      fs::path png = shots_dir / (std::string(shot) + ".png");
      INFO(png.string());
      REQUIRE(img.loadFromFile(png.string()));
      CHECK(img.getSize() == sf::Vector2u(w, h));
    }
  }
}
