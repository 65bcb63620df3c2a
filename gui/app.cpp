// The window, the renderer and the interactive frame loop.
#include "gui/app.hpp"

#include <imgui.h>
#include <imgui_impl_opengl2.h>

#include <SFML/Graphics/Image.hpp>
#include <SFML/OpenGL.hpp>
#include <SFML/Window.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iostream>

#include "gui/console.hpp"
#include "gui/font_atlas.hpp"
#include "gui/sfml_bridge.hpp"
#include "gui/strings.hpp"
#include "gui/widgets.hpp"

namespace drillsim::gui {
namespace {

float auto_scale(const AppOptions& o) {
  if (o.scale > 0) return o.scale;
  if (const char* env = std::getenv("DRILLSIM_UI_SCALE"); env && *env) {
    float s = static_cast<float>(std::atof(env));
    if (s > 0.5f && s < 4) return s;
  }
  // SFML 2.5 does not report DPI: judge by the desktop's height (a 4K screen gets 2x), and let a
  // full-HD window have larger text for the projector.
  unsigned h = o.fullscreen ? sf::VideoMode::getDesktopMode().height : o.height;
  unsigned desktop = sf::VideoMode::getDesktopMode().height;
  float by_desktop = desktop >= 2000 ? 2.0f : desktop >= 1400 ? 1.5f : 1.0f;
  float by_window = h >= 1000 ? 1.2f : 1.0f;
  return std::max(by_desktop, by_window);
}

}  // namespace

AppWindow::AppWindow(const AppOptions& o, FontAtlas& atlas) : atlas_(atlas) {
  sf::ContextSettings gl(24, 8, 0, 2, 1);
  std::string title = "drillsim 演练控制台";
  sf::VideoMode mode = o.fullscreen ? sf::VideoMode::getDesktopMode() : sf::VideoMode(o.width, o.height);
  window_ = std::make_unique<sf::Window>(mode, sf::String::fromUtf8(title.begin(), title.end()),
                                         o.fullscreen ? sf::Style::Fullscreen : sf::Style::Default, gl);
  window_->setActive(true);
  scale_ = auto_scale(o);
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // the console keeps no layout file: every screen lays itself out
  io.LogFilename = nullptr;
  bridge_ = std::make_unique<SfmlBridge>(*window_);
  ImGui_ImplOpenGL2_Init();
  apply_style(scale_);
  last_frame_ = std::chrono::steady_clock::now();
}

AppWindow::~AppWindow() {
  ImGui_ImplOpenGL2_Shutdown();
  window_->close();  // before the bridge frees the cursors the window still points at
  bridge_.reset();
  ImGui::DestroyContext();
}

void AppWindow::build_fonts() {
  std::string error;
  if (!atlas_.build(std::round(base_font_px * scale_), &error)) std::cerr << "drillsim-gui: " << error << '\n';
  ImGui_ImplOpenGL2_DestroyFontsTexture();
  ImGui_ImplOpenGL2_CreateFontsTexture();
}

bool AppWindow::pump_events() {
  sf::Event e;
  bool open = true;
  while (window_->pollEvent(e)) {
    if (!bridge_->process(e)) open = false;
    if (e.type == sf::Event::Resized) glViewport(0, 0, static_cast<GLsizei>(e.size.width), static_cast<GLsizei>(e.size.height));
  }
  return open && window_->isOpen();
}

double AppWindow::render(Console& console) {
  auto t0 = std::chrono::steady_clock::now();
  float dt = std::chrono::duration<float>(t0 - last_frame_).count();
  last_frame_ = t0;
  bool rebuilt = console.before_frame();
  if (rebuilt) {
    ImGui_ImplOpenGL2_DestroyFontsTexture();
    ImGui_ImplOpenGL2_CreateFontsTexture();
  }
  auto t1 = std::chrono::steady_clock::now();  // the texture upload is GPU work, not frame building
  bridge_->new_frame(dt);
  ImGui_ImplOpenGL2_NewFrame();
  ImGui::NewFrame();
  console.frame();
  ImGui::Render();
  auto t2 = std::chrono::steady_clock::now();
  bridge_->update_cursor();
  sf::Vector2u size = window_->getSize();
  glViewport(0, 0, static_cast<GLsizei>(size.x), static_cast<GLsizei>(size.y));
  glClearColor(0.08f, 0.09f, 0.1f, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL2_RenderDrawData(ImGui::GetDrawData());
  std::chrono::duration<double, std::milli> cpu = (t1 - t0) * (rebuilt ? 0 : 1) + (t2 - t1);
  return cpu.count();
}

void AppWindow::display() { window_->display(); }

bool AppWindow::save_screenshot(const std::string& path) {
  sf::Vector2u size = window_->getSize();
  std::vector<sf::Uint8> pixels(static_cast<std::size_t>(size.x) * size.y * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, static_cast<GLsizei>(size.x), static_cast<GLsizei>(size.y), GL_RGBA, GL_UNSIGNED_BYTE,
               pixels.data());
  // OpenGL's rows run bottom-up; PNG's top-down.
  std::vector<sf::Uint8> flipped(pixels.size());
  const std::size_t row = static_cast<std::size_t>(size.x) * 4;
  for (unsigned y = 0; y < size.y; ++y)
    std::copy_n(&pixels[(size.y - 1 - y) * row], row, &flipped[y * row]);
  for (std::size_t i = 3; i < flipped.size(); i += 4) flipped[i] = 255;
  sf::Image image;
  image.create(size.x, size.y, flipped.data());
  return image.saveToFile(path);
}

int run_interactive(const AppOptions& o) {
  FontAtlas atlas;
  AppWindow app(o, atlas);
  app.window().setFramerateLimit(60);
  Console console(atlas, [] {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
  }, o.state_dir, o.store);
  console.set_ui_scale(app.scale());
  if (o.scenario.empty() && console.saved()) {
    if (!console.resume_saved()) console.choose_scenario(default_scenario_path());
  } else {
    console.choose_scenario(o.scenario.empty() ? default_scenario_path() : o.scenario);
  }
  app.build_fonts();
  bool first = true;
  while (app.pump_events()) {
    app.render(console);
    app.display();
    if (first) {
      first = false;
      auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - o.started).count();
      std::cerr << "drillsim-gui: first frame after " << static_cast<int>(ms) << " ms (font atlas "
                << static_cast<int>(atlas.build_ms()) << " ms, " << atlas.glyph_count() << " glyphs, "
                << atlas.source().name << ")\n";
    }
  }
  return 0;
}

}  // namespace drillsim::gui
