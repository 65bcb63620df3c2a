// drillsim msel export SCENARIO --csv OUT.csv / drillsim msel import IN.csv --into SCENARIO [--dry-run]:
// the scenario's MSEL (its injects) as a spreadsheet, and back. Import is all or nothing.
#include <iostream>

#include "app/commands.hpp"
#include "authoring/msel_csv.hpp"

namespace drillsim::app {
namespace {

int export_csv(const std::string& scenario, const std::string& csv) {
  std::string error;
  if (!authoring::export_msel(scenario, csv, error)) {
    std::cerr << error << '\n';
    return 1;
  }
  std::cout << csv << ": the MSEL of " << scenario << '\n';
  return 0;
}

int import_csv(const std::string& csv, const std::string& scenario, bool dry_run) {
  const authoring::ImportResult r = authoring::import_msel(csv, scenario, dry_run);
  if (!r.ok) {
    for (const auto& p : r.problems) std::cerr << p.str() << '\n';
    std::cerr << csv << ": not imported; " << scenario << " is unchanged (" << r.problems.size() << " problem"
              << (r.problems.size() == 1 ? "" : "s") << ")\n";
    return 1;
  }
  if (dry_run)
    std::cout << csv << ": " << r.rows << " inject(s) are fine; " << scenario << " not changed (--dry-run)\n";
  else
    std::cout << scenario << ": " << r.rows << " inject(s) imported from " << csv << '\n';
  return 0;
}

}  // namespace

void add_msel(CLI::App& app) {
  static std::string export_scenario, export_csv_path, import_csv_path, import_scenario;
  static bool dry_run = false;
  auto* msel = app.add_subcommand("msel", "The scenario's MSEL (injects) as a spreadsheet: export and import CSV");
  msel->require_subcommand(1);

  auto* ex = msel->add_subcommand("export", "Write the scenario's injects as a UTF-8 CSV (with BOM, CRLF)");
  ex->add_option("scenario", export_scenario, "Scenario file")->required();
  ex->add_option("--csv", export_csv_path, "The CSV file to write")->required();
  ex->callback([] { set_exit_code(export_csv(export_scenario, export_csv_path)); });

  auto* im = msel->add_subcommand("import", "Replace the scenario's injects with a CSV's rows (all or nothing)");
  im->add_option("csv", import_csv_path, "The CSV file to read")->required();
  im->add_option("--into", import_scenario, "Scenario file to change")->required();
  im->add_flag("--dry-run", dry_run, "Check only; change nothing");
  im->callback([] { set_exit_code(import_csv(import_csv_path, import_scenario, dry_run)); });
}

}  // namespace drillsim::app
