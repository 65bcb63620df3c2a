// The SFML -> Dear ImGui input bridge (1.86 predates io.AddKeyEvent: io.KeysDown[] and io.KeyMap[]).
#include "gui/sfml_bridge.hpp"

#include <imgui.h>

#include <SFML/Window/Clipboard.hpp>

#include <string>

namespace drillsim::gui {
namespace {

const char* get_clipboard(void*) {
  static std::string text;
  auto utf8 = sf::Clipboard::getString().toUtf8();
  text.assign(utf8.begin(), utf8.end());
  return text.c_str();
}

void set_clipboard(void*, const char* text) {
  std::string s = text ? text : "";
  sf::Clipboard::setString(sf::String::fromUtf8(s.begin(), s.end()));
}

int mouse_index(sf::Mouse::Button b) {
  switch (b) {
    case sf::Mouse::Left: return 0;
    case sf::Mouse::Right: return 1;
    case sf::Mouse::Middle: return 2;
    default: return -1;
  }
}

}  // namespace

void map_keys(ImGuiIO& io) {
  io.KeyMap[ImGuiKey_Tab] = sf::Keyboard::Tab;
  io.KeyMap[ImGuiKey_LeftArrow] = sf::Keyboard::Left;
  io.KeyMap[ImGuiKey_RightArrow] = sf::Keyboard::Right;
  io.KeyMap[ImGuiKey_UpArrow] = sf::Keyboard::Up;
  io.KeyMap[ImGuiKey_DownArrow] = sf::Keyboard::Down;
  io.KeyMap[ImGuiKey_PageUp] = sf::Keyboard::PageUp;
  io.KeyMap[ImGuiKey_PageDown] = sf::Keyboard::PageDown;
  io.KeyMap[ImGuiKey_Home] = sf::Keyboard::Home;
  io.KeyMap[ImGuiKey_End] = sf::Keyboard::End;
  io.KeyMap[ImGuiKey_Insert] = sf::Keyboard::Insert;
  io.KeyMap[ImGuiKey_Delete] = sf::Keyboard::Delete;
  io.KeyMap[ImGuiKey_Backspace] = sf::Keyboard::BackSpace;
  io.KeyMap[ImGuiKey_Space] = sf::Keyboard::Space;
  io.KeyMap[ImGuiKey_Enter] = sf::Keyboard::Return;
  io.KeyMap[ImGuiKey_Escape] = sf::Keyboard::Escape;
  io.KeyMap[ImGuiKey_KeyPadEnter] = sf::Keyboard::Return;  // SFML 2.5 has no separate keypad Enter
  io.KeyMap[ImGuiKey_A] = sf::Keyboard::A;
  io.KeyMap[ImGuiKey_C] = sf::Keyboard::C;
  io.KeyMap[ImGuiKey_V] = sf::Keyboard::V;
  io.KeyMap[ImGuiKey_X] = sf::Keyboard::X;
  io.KeyMap[ImGuiKey_Y] = sf::Keyboard::Y;
  io.KeyMap[ImGuiKey_Z] = sf::Keyboard::Z;
}

void feed_event(ImGuiIO& io, const sf::Event& event, MouseButtons& mouse) {
  switch (event.type) {
    case sf::Event::KeyPressed:
    case sf::Event::KeyReleased: {
      bool down = event.type == sf::Event::KeyPressed;
      int k = event.key.code;
      if (k >= 0 && k < static_cast<int>(sizeof(io.KeysDown) / sizeof(io.KeysDown[0]))) io.KeysDown[k] = down;
      io.KeyCtrl = event.key.control;
      io.KeyShift = event.key.shift;
      io.KeyAlt = event.key.alt;
      io.KeySuper = event.key.system;
      break;
    }
    case sf::Event::TextEntered:
      // UTF-32: what a key produced or what an input method committed (拼音 included).
      if (event.text.unicode >= 0x20 && event.text.unicode != 0x7F) io.AddInputCharacter(event.text.unicode);
      break;
    case sf::Event::MouseMoved:
      io.MousePos = ImVec2(static_cast<float>(event.mouseMove.x), static_cast<float>(event.mouseMove.y));
      break;
    case sf::Event::MouseButtonPressed:
    case sf::Event::MouseButtonReleased: {
      int i = mouse_index(event.mouseButton.button);
      if (i >= 0) {
        mouse.down[i] = event.type == sf::Event::MouseButtonPressed;
        if (mouse.down[i]) mouse.pressed[i] = true;
      }
      io.MousePos = ImVec2(static_cast<float>(event.mouseButton.x), static_cast<float>(event.mouseButton.y));
      break;
    }
    case sf::Event::MouseWheelScrolled:
      if (event.mouseWheelScroll.wheel == sf::Mouse::VerticalWheel && !io.KeyShift)
        io.MouseWheel += event.mouseWheelScroll.delta;
      else
        io.MouseWheelH += event.mouseWheelScroll.delta;
      break;
    case sf::Event::LostFocus:
      for (bool& d : mouse.down) d = false;  // a release outside the window is never seen
      for (bool& k : io.KeysDown) k = false;
      io.KeyCtrl = io.KeyShift = io.KeyAlt = io.KeySuper = false;
      io.AddFocusEvent(false);
      break;
    case sf::Event::GainedFocus: io.AddFocusEvent(true); break;
    case sf::Event::MouseLeft: io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX); break;
    default: break;
  }
}

void feed_mouse_buttons(ImGuiIO& io, MouseButtons& mouse) {
  for (int i = 0; i < 3; ++i) {
    io.MouseDown[i] = mouse.pressed[i] || mouse.down[i];
    mouse.pressed[i] = false;
  }
}

SfmlBridge::SfmlBridge(sf::Window& window) : window_(window) {
  ImGuiIO& io = ImGui::GetIO();
  io.BackendPlatformName = "drillsim_sfml";
  map_keys(io);
  io.GetClipboardTextFn = get_clipboard;
  io.SetClipboardTextFn = set_clipboard;
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;

  const sf::Cursor::Type types[] = {sf::Cursor::Arrow,          sf::Cursor::Text,
                                    sf::Cursor::SizeAll,        sf::Cursor::SizeVertical,
                                    sf::Cursor::SizeHorizontal, sf::Cursor::SizeBottomLeftTopRight,
                                    sf::Cursor::SizeTopLeftBottomRight, sf::Cursor::Hand,
                                    sf::Cursor::NotAllowed};
  bool all = true;
  for (std::size_t i = 0; i < cursors_.size(); ++i) {
    cursors_[i] = std::make_unique<sf::Cursor>();
    if (!cursors_[i]->loadFromSystem(types[i])) {
      cursors_[i].reset();
      all = false;
    }
  }
  if (all) io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
}

SfmlBridge::~SfmlBridge() {
  ImGuiIO& io = ImGui::GetIO();
  io.GetClipboardTextFn = nullptr;
  io.SetClipboardTextFn = nullptr;
}

bool SfmlBridge::process(const sf::Event& event) {
  if (event.type == sf::Event::Closed) return false;
  feed_event(ImGui::GetIO(), event, mouse_);
  return true;
}

void SfmlBridge::new_frame(float dt) {
  ImGuiIO& io = ImGui::GetIO();
  sf::Vector2u size = window_.getSize();
  io.DisplaySize = ImVec2(static_cast<float>(size.x), static_cast<float>(size.y));
  io.DisplayFramebufferScale = ImVec2(1, 1);  // SFML reports the window in framebuffer pixels
  io.DeltaTime = dt > 0 ? dt : 1.0f / 60.0f;
  feed_mouse_buttons(io, mouse_);
}

void SfmlBridge::update_cursor() {
  ImGuiIO& io = ImGui::GetIO();
  if (io.ConfigFlags & ImGuiConfigFlags_NoMouseCursorChange) return;
  int c = ImGui::GetMouseCursor();
  if (c == last_cursor_) return;
  last_cursor_ = c;
  window_.setMouseCursorVisible(c != ImGuiMouseCursor_None && !io.MouseDrawCursor);
  if (c >= 0 && c < static_cast<int>(cursors_.size()) && cursors_[c]) window_.setMouseCursor(*cursors_[c]);
  else if (cursors_[0]) window_.setMouseCursor(*cursors_[0]);
}

}  // namespace drillsim::gui
