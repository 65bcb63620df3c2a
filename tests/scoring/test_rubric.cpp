// The rubric file: the shipped one loads; mistakes are reported with their line and column.
#include <fstream>

#include "tests/scoring/scoring_util.hpp"

using namespace drillsim;

namespace {

std::string write_temp(const std::string& name, const std::string& text) {
  std::string path = (std::filesystem::temp_directory_path() / name).string();
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

std::string problems_text(const Diagnostics& d) {
  std::string out;
  for (const auto& p : d) out += p.str() + "\n";
  return out;
}

const char* good = R"(rubric:
  id: test
  version: "1"
  steps:
    points: 10
    credit: {late: 0.5, wrong_post: 0.6, out_of_order: 0.8, partial: 0.4}
  reports:
    points: 10
    credit: {late: 0.5, wrong_post: 0.6}
  grading:
    points: 10
    credit: {late: 0.5, wrong_post: 0.6}
  penalties: {must_not: 15, must_first: 10, harmful: 10, needless: 1, needless_max: 10, wrong_level: 5,
              resolved_late: 5, unresolved: 10, business_missed: 20, business_delayed: 10, data_lost: 30,
              equipment_lost: 10, downtime_per_hour: 0}
  hseep: {P: 0.9, S: 0.7, M: 0.4}
  improvements: {due_days: 30}
)";

}  // namespace

TEST_CASE("the shipped rubric loads, with its HSEEP thresholds") {
  const scoring::Rubric& r = test::shipped_rubric();
  CHECK(r.id == "drillsim_default");
  CHECK(r.step_points > 0);
  CHECK(r.hseep.p > r.hseep.s);
  CHECK(scoring::hseep_rating(r.hseep, 0.95) == 'P');
  CHECK(scoring::hseep_rating(r.hseep, r.hseep.s) == 'S');
  CHECK(scoring::hseep_rating(r.hseep, 0.0) == 'U');
}

TEST_CASE("a valid rubric file loads and its weights are what it says") {
  scoring::Rubric r;
  Diagnostics d;
  REQUIRE_MESSAGE(scoring::load_rubric(write_temp("drillsim_rubric_good.yaml", good), r, d), problems_text(d));
  CHECK(r.step_credit.late == doctest::Approx(0.5));
  CHECK(r.penalties.business_missed == doctest::Approx(20));
  CHECK(r.improvement_due_days == 30);
}

TEST_CASE("rubric mistakes are reported as file:line:col") {
  std::string text = good;
  // line 6: a typo in a credit name and a credit above 1; line 16: thresholds out of order; a missing section.
  text.replace(text.find("out_of_order: 0.8"), 17, "out_of_ordr: 0.8");
  text.replace(text.find("hseep: {P: 0.9"), 14, "hseep: {P: 0.5");
  text.replace(text.find("  improvements: {due_days: 30}\n"), 31, "");
  text.replace(text.find("late: 0.5, wrong_post: 0.6, out"), 9, "late: 1.5");
  std::string path = write_temp("drillsim_rubric_bad.yaml", text);
  scoring::Rubric r;
  Diagnostics d;
  CHECK_FALSE(scoring::load_rubric(path, r, d));
  std::string all = problems_text(d);
  INFO(all);
  CHECK(all.find(path + ":6:") != std::string::npos);
  CHECK(all.find("unknown field 'out_of_ordr'") != std::string::npos);
  CHECK(all.find("'late' must be between 0 and 1") != std::string::npos);
  CHECK(all.find(path + ":16:") != std::string::npos);  // the hseep line
  CHECK(all.find("P > S > M") != std::string::npos);
  CHECK(all.find("missing required field 'improvements'") != std::string::npos);
}

TEST_CASE("a rubric that is not YAML or not there is refused with its name") {
  scoring::Rubric r;
  Diagnostics d;
  CHECK_FALSE(scoring::load_rubric(write_temp("drillsim_rubric_broken.yaml", "rubric: [\n"), r, d));
  CHECK_FALSE(d.empty());
  d.clear();
  CHECK_FALSE(scoring::load_rubric("/nonexistent/rubric.yaml", r, d));
  REQUIRE_FALSE(d.empty());
  CHECK(d.front().str().find("/nonexistent/rubric.yaml") != std::string::npos);
}
