// Small widgets and helpers the screens share (std::string inputs, badges, colours, time text).
#pragma once

#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

#include "gui/trainee_knowledge.hpp"
#include "sim/model/model.hpp"

namespace drillsim::gui {

// Every text the helpers below draw is shown to this observer first: the console feeds it to the
// glyph atlas, so text made at run time (scores, verdicts, reasons) gets its glyphs.
using TextObserver = void (*)(std::string_view text, void* context);
void set_text_observer(TextObserver observer, void* context);
void observe_text(std::string_view s);

bool input_text(const char* label, std::string& s, ImGuiInputTextFlags flags = 0);
bool input_text_hint(const char* label, const char* hint, std::string& s, ImGuiInputTextFlags flags = 0);
bool input_multiline(const char* label, std::string& s, const ImVec2& size);
// A combo over item texts; false when nothing changed.
bool combo(const char* label, int& current, const std::vector<std::string>& items);
void text(const std::string& s);
void text_wrapped(const std::string& s);
void text_coloured(ImU32 colour, const std::string& s);
void text_disabled(const std::string& s);
// A filled rounded label.
void badge(const std::string& s, ImU32 fill, ImU32 ink = IM_COL32(255, 255, 255, 255));
void tooltip_if_hovered(const std::string& s);
void heading(const std::string& s);
float em();  // the font size: layout unit

namespace colour {
constexpr ImU32 up = IM_COL32(56, 158, 88, 255);
constexpr ImU32 degraded = IM_COL32(214, 150, 32, 255);
constexpr ImU32 down = IM_COL32(204, 62, 52, 255);
constexpr ImU32 off = IM_COL32(110, 110, 118, 255);
constexpr ImU32 unknown = IM_COL32(72, 86, 108, 255);
constexpr ImU32 accent = IM_COL32(66, 133, 214, 255);
constexpr ImU32 truth = IM_COL32(168, 102, 214, 255);
constexpr ImU32 muted = IM_COL32(160, 164, 172, 255);
constexpr ImU32 good_text = IM_COL32(110, 208, 136, 255);
constexpr ImU32 bad_text = IM_COL32(255, 120, 110, 255);
constexpr ImU32 warn_text = IM_COL32(250, 196, 90, 255);
}  // namespace colour

ImU32 health_colour(Health h);
ImU32 reported_colour(Reported r);
// "HH:MM:SS" of a duration (a countdown), with a leading '-' when negative.
std::string duration_clock(SimTime seconds);
// Mean of a distribution, as "约12分钟" / "about 12 min".
std::string about_duration(const Distribution& d, Lang lang);

// Applies the console's style at a scale.
void apply_style(float scale);

}  // namespace drillsim::gui
