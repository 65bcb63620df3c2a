// Our SFML -> Dear ImGui 1.86 input bridge: keys with modifiers, text (input methods too), mouse,
// wheel, clipboard, cursor shapes, resize and the display size.
#pragma once

#include <SFML/Window/Cursor.hpp>
#include <SFML/Window/Event.hpp>
#include <SFML/Window/Window.hpp>

#include <array>
#include <memory>

struct ImGuiIO;

namespace drillsim::gui {

// The buttons as events left them (a press shorter than a frame still counts for one frame).
struct MouseButtons {
  bool down[3] = {false, false, false};
  bool pressed[3] = {false, false, false};
};

// Sets io.KeyMap to SFML's key codes (io.KeysDown[] is indexed by sf::Keyboard::Key).
void map_keys(ImGuiIO& io);
// Translates one event into ImGui's input state; no window needed (the tests feed events).
void feed_event(ImGuiIO& io, const sf::Event& event, MouseButtons& mouse);
// Copies the buttons into io.MouseDown and forgets the one-frame presses.
void feed_mouse_buttons(ImGuiIO& io, MouseButtons& mouse);

class SfmlBridge {
 public:
  // Sets io.KeyMap, the clipboard functions and the backend flags. The ImGui context must exist.
  explicit SfmlBridge(sf::Window& window);
  ~SfmlBridge();
  SfmlBridge(const SfmlBridge&) = delete;
  SfmlBridge& operator=(const SfmlBridge&) = delete;
  // Feeds one event to ImGui. Returns false for Closed (the caller decides).
  bool process(const sf::Event& event);
  // Before ImGui::NewFrame(): display size, delta time, mouse position and buttons.
  void new_frame(float dt_seconds);
  // After the frame is built: the cursor shape ImGui asked for.
  void update_cursor();

 private:
  sf::Window& window_;
  std::array<std::unique_ptr<sf::Cursor>, 9> cursors_;  // by ImGuiMouseCursor
  MouseButtons mouse_;
  int last_cursor_ = -2;
};

}  // namespace drillsim::gui
