// drillsim replay SCENARIO JOURNAL: rebuilds a drill from its journal and checks it matches.
#include <iostream>

#include "app/commands.hpp"
#include "sim/load/loader.hpp"
#include "sim/world/replay.hpp"

namespace drillsim::app {

void add_replay(CLI::App& app) {
  static std::string scenario, journal_path;
  auto* cmd = app.add_subcommand("replay", "Rebuild a drill from its journal and check it reproduces");
  cmd->add_option("scenario", scenario, "Scenario file")->required();
  cmd->add_option("journal", journal_path, "Journal (JSON lines) written by run --journal")->required();
  cmd->callback([] {
    LoadResult loaded = load_scenario(scenario);
    if (!loaded.ok()) {
      for (const auto& p : loaded.problems) std::cerr << p.str() << '\n';
      return set_exit_code(1);
    }
    std::vector<JournalEntry> entries;
    Diagnostics problems;
    if (!read_journal(journal_path, entries, problems)) {
      for (const auto& p : problems) std::cerr << p.str() << '\n';
      return set_exit_code(1);
    }
    std::string error;
    auto drill = replay(loaded.model, entries, error);
    if (!drill) {
      std::cerr << journal_path << ": " << error << '\n';
      return set_exit_code(1);
    }
    const auto& again = drill->journal().entries();
    for (std::size_t i = 0; i < std::max(again.size(), entries.size()); ++i) {
      std::string a = i < entries.size() ? to_json(entries[i]) : "(nothing)";
      std::string b = i < again.size() ? to_json(again[i]) : "(nothing)";
      if (a != b) {
        std::cerr << journal_path << ":" << i + 1 << ": replay differs\n  journal: " << a << "\n  replay:  " << b << '\n';
        return set_exit_code(1);
      }
    }
    std::cout << "replay reproduces the journal: " << again.size() << " entries, hash " << std::hex
              << drill->journal().hash() << '\n';
    set_exit_code(0);
  });
}

}  // namespace drillsim::app
