// Frames of the console without a window, for the tests that draw screens in-process.
#pragma once

#include <imgui.h>

#include "gui/console.hpp"
#include "gui/font_atlas.hpp"

namespace drillsim::gui::test {

// The display the in-process tests draw into (1280x800 at 60 frames a second).
inline void headless_display() {
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(1280, 800);
  io.DeltaTime = 1.0f / 60;
}

// Draws `n` whole frames of the console (the atlas is built on the first).
inline void run_frames(Console& console, FontAtlas& atlas, int n) {
  for (int i = 0; i < n; ++i) {
    console.before_frame();
    if (!ImGui::GetIO().Fonts->IsBuilt()) atlas.build(18);
    ImGui::NewFrame();
    console.frame();
    ImGui::Render();
  }
}

}  // namespace drillsim::gui::test
