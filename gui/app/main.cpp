// drillsim-gui: the drill console (SFML + Dear ImGui). Interactive by default; --script runs a
// headless script of UI steps and saves screenshots; --bench prints the frame timings.
#include <chrono>
#include <cstring>
#include <iostream>
#include <string>

#include "gui/app.hpp"
#include "gui/strings.hpp"

namespace {

void usage() {
  std::cout << "usage: drillsim-gui [--scenario FILE] [--lang zh|en] [--size WxH] [--scale S] [--fullscreen]\n"
               "                    [--state-dir DIR] [--store FILE|none] [--script FILE --screenshots DIR] [--bench]\n"
               "  --scenario FILE   open this scenario on the start screen (default: resume an unfinished\n"
               "                    drill, else the default scenario)\n"
               "  --script FILE     run the UI steps in FILE (see gui/script.hpp), save screenshots, exit\n"
               "  --bench           print first_frame_ms and frame_cpu_ms\n";
}

}  // namespace

int main(int argc, char** argv) {
  using namespace drillsim::gui;
  AppOptions o;
  o.started = std::chrono::steady_clock::now();
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::cerr << a << " needs a value\n";
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--scenario") o.scenario = value();
    else if (a == "--lang") o.lang = value() == "en" ? drillsim::Lang::en : drillsim::Lang::zh;
    else if (a == "--size") {
      std::string v = value();
      unsigned w = 0, h = 0;
      if (std::sscanf(v.c_str(), "%ux%u", &w, &h) != 2 || w < 640 || h < 480) {
        std::cerr << "--size WxH, at least 640x480\n";
        return 2;
      }
      o.width = w, o.height = h;
    } else if (a == "--scale") o.scale = std::stof(value());
    else if (a == "--fullscreen") o.fullscreen = true;
    else if (a == "--state-dir") o.state_dir = value();
    else if (a == "--store") o.store = value();
    else if (a == "--script") o.script = value();
    else if (a == "--screenshots") o.screenshots = value();
    else if (a == "--bench") o.bench = true;
    else if (a == "-h" || a == "--help") {
      usage();
      return 0;
    } else {
      std::cerr << "unknown option " << a << '\n';
      usage();
      return 2;
    }
  }
  std::string error;
  if (!strings().load(assets_dir() + "/strings", &error)) {
    std::cerr << "drillsim-gui: " << error << '\n';
    return 1;
  }
  strings().set_lang(o.lang);
  if (o.bench) return run_bench(o);
  if (!o.script.empty()) return run_script(o);
  return run_interactive(o);
}
