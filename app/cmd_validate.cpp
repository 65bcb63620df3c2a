// drillsim validate FILE...: loads each file with its chain and lists every problem.
#include <iostream>

#include "app/commands.hpp"
#include "sim/load/loader.hpp"

namespace drillsim::app {
namespace {
int code = 0;
}

int exit_code() { return code; }
void set_exit_code(int c) { code = c; }

void add_validate(CLI::App& app) {
  auto* cmd = app.add_subcommand("validate", "Check scenario, plan, catalog, platform or organisation files");
  static std::vector<std::string> files;
  cmd->add_option("files", files, "Files to check")->required();
  cmd->callback([] {
    int bad = 0;
    for (const auto& file : files) {
      LoadResult r = load_file(file);
      if (r.ok()) {
        std::cout << file << ": ok\n";
        continue;
      }
      ++bad;
      for (const auto& p : r.problems) std::cerr << p.str() << '\n';
    }
    if (bad) std::cerr << bad << " of " << files.size() << " file(s) did not load\n";
    set_exit_code(bad ? 1 : 0);
  });
}

}  // namespace drillsim::app
