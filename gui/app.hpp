// The console application: the SFML window with the OpenGL2 renderer of Dear ImGui, the frame
// loop, screenshots; the interactive, scripted (headless) and benchmark runs.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "sim/model/basics.hpp"

namespace sf {
class Window;
}

namespace drillsim::gui {

class Console;
class FontAtlas;
class SfmlBridge;

struct AppOptions {
  std::string scenario;       // empty: resume an unfinished drill, else the default scenario
  Lang lang = Lang::zh;
  unsigned width = 1600, height = 900;
  float scale = 0;            // UI scale; 0: from the screen (and $DRILLSIM_UI_SCALE)
  std::string script;         // headless: a script of UI steps
  std::string screenshots;    // where the script saves its screenshots
  std::string state_dir;      // autosave folder (default: see Autosave)
  std::string store;          // records store (default: records::default_store_path(); "none": none)
  bool bench = false;
  bool fullscreen = false;
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
};

// A window with ImGui set up on it.
class AppWindow {
 public:
  AppWindow(const AppOptions& options, FontAtlas& atlas);
  ~AppWindow();
  AppWindow(const AppWindow&) = delete;
  AppWindow& operator=(const AppWindow&) = delete;
  sf::Window& window() { return *window_; }
  float scale() const { return scale_; }
  // Processes pending window events; false once the window was closed.
  bool pump_events();
  // Builds and renders one frame of the console. Returns the CPU time spent building the frame
  // (before_frame, NewFrame ... Render) in milliseconds.
  double render(Console& console);
  void display();
  // Saves what the last render drew (the back buffer) as a PNG.
  bool save_screenshot(const std::string& path);
  // Builds the font atlas at the window's scale and uploads it.
  void build_fonts();

 private:
  std::unique_ptr<sf::Window> window_;
  std::unique_ptr<SfmlBridge> bridge_;
  FontAtlas& atlas_;
  float scale_ = 1;
  std::chrono::steady_clock::time_point last_frame_;
};

// Font size in pixels at UI scale 1.
constexpr float base_font_px = 18.0f;

int run_interactive(const AppOptions& options);
int run_script(const AppOptions& options);
int run_bench(const AppOptions& options);

}  // namespace drillsim::gui
