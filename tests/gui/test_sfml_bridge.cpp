// The SFML input bridge: keys with modifiers, text from input methods, mouse buttons and wheels.
#include <doctest/doctest.h>

#include <SFML/Window/Event.hpp>

#include "gui/sfml_bridge.hpp"
#include "gui_test_support.hpp"

using namespace drillsim::gui;

namespace {
sf::Event key(sf::Event::EventType type, sf::Keyboard::Key code, bool ctrl = false, bool shift = false) {
  sf::Event e;
  e.type = type;
  e.key = {code, false, ctrl, shift, false};
  return e;
}
}  // namespace

TEST_CASE("keys and modifiers reach io.KeysDown through the key map") {
  test::ImGuiContextGuard imgui;
  ImGuiIO& io = ImGui::GetIO();
  map_keys(io);
  MouseButtons mouse;
  feed_event(io, key(sf::Event::KeyPressed, sf::Keyboard::C, true), mouse);
  CHECK(io.KeysDown[io.KeyMap[ImGuiKey_C]]);
  CHECK(io.KeyCtrl);
  CHECK_FALSE(io.KeyShift);
  feed_event(io, key(sf::Event::KeyReleased, sf::Keyboard::C, false), mouse);
  CHECK_FALSE(io.KeysDown[io.KeyMap[ImGuiKey_C]]);
  CHECK_FALSE(io.KeyCtrl);
  feed_event(io, key(sf::Event::KeyPressed, sf::Keyboard::BackSpace), mouse);
  CHECK(io.KeysDown[io.KeyMap[ImGuiKey_Backspace]]);
  sf::Event lost;
  lost.type = sf::Event::LostFocus;
  feed_event(io, lost, mouse);
  CHECK_FALSE(io.KeysDown[io.KeyMap[ImGuiKey_Backspace]]);  // its release will never come
}

TEST_CASE("text entered, from a key or an input method, is queued as characters") {
  test::ImGuiContextGuard imgui;
  ImGuiIO& io = ImGui::GetIO();
  MouseButtons mouse;
  for (sf::Uint32 c : {sf::Uint32(U'保'), sf::Uint32(U'函'), sf::Uint32('a'), sf::Uint32(8) /* backspace: a key */}) {
    sf::Event e;
    e.type = sf::Event::TextEntered;
    e.text.unicode = c;
    feed_event(io, e, mouse);
  }
  REQUIRE(io.InputQueueCharacters.Size == 3);
  CHECK(io.InputQueueCharacters[0] == 0x4FDD);
  CHECK(io.InputQueueCharacters[1] == 0x51FD);
  CHECK(io.InputQueueCharacters[2] == 'a');
}

TEST_CASE("a click shorter than a frame still counts for one frame; wheels scroll") {
  test::ImGuiContextGuard imgui;
  ImGuiIO& io = ImGui::GetIO();
  MouseButtons mouse;
  sf::Event press;
  press.type = sf::Event::MouseButtonPressed;
  press.mouseButton = {sf::Mouse::Left, 40, 50};
  sf::Event release = press;
  release.type = sf::Event::MouseButtonReleased;
  feed_event(io, press, mouse);
  feed_event(io, release, mouse);
  CHECK(io.MousePos.x == 40);
  CHECK(io.MousePos.y == 50);
  feed_mouse_buttons(io, mouse);
  CHECK(io.MouseDown[0]);  // this frame sees the click
  feed_mouse_buttons(io, mouse);
  CHECK_FALSE(io.MouseDown[0]);  // the next does not
  sf::Event wheel;
  wheel.type = sf::Event::MouseWheelScrolled;
  wheel.mouseWheelScroll = {sf::Mouse::VerticalWheel, -1.0f, 0, 0};
  feed_event(io, wheel, mouse);
  CHECK(io.MouseWheel == -1.0f);
  wheel.mouseWheelScroll.wheel = sf::Mouse::HorizontalWheel;
  feed_event(io, wheel, mouse);
  CHECK(io.MouseWheelH == -1.0f);
}
