// Shared widgets: std::string text inputs (Debian's libimgui has no imgui_stdlib), badges, colours.
#include "gui/widgets.hpp"

#include <fmt/format.h>

#include <cmath>

#include "sim/world/describe.hpp"

namespace drillsim::gui {
namespace {

TextObserver observer = nullptr;
void* observer_context = nullptr;

int resize_callback(ImGuiInputTextCallbackData* data) {
  if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
    auto* s = static_cast<std::string*>(data->UserData);
    s->resize(static_cast<std::size_t>(data->BufTextLen));
    data->Buf = s->data();
  }
  return 0;
}

}  // namespace

void set_text_observer(TextObserver fn, void* context) {
  observer = fn;
  observer_context = context;
}

void observe_text(std::string_view s) {
  if (observer) observer(s, observer_context);
}

// What is typed (Chinese through an input method too) is observed, so its glyphs come next frame.
bool input_text(const char* label, std::string& s, ImGuiInputTextFlags flags) {
  observe_text(s);
  flags |= ImGuiInputTextFlags_CallbackResize;
  return ImGui::InputText(label, s.data(), s.capacity() + 1, flags, resize_callback, &s);
}

bool input_text_hint(const char* label, const char* hint, std::string& s, ImGuiInputTextFlags flags) {
  observe_text(s);
  flags |= ImGuiInputTextFlags_CallbackResize;
  return ImGui::InputTextWithHint(label, hint, s.data(), s.capacity() + 1, flags, resize_callback, &s);
}

bool input_multiline(const char* label, std::string& s, const ImVec2& size) {
  observe_text(s);
  return ImGui::InputTextMultiline(label, s.data(), s.capacity() + 1, size, ImGuiInputTextFlags_CallbackResize,
                                   resize_callback, &s);
}

bool combo(const char* label, int& current, const std::vector<std::string>& items) {
  bool changed = false;
  for (const auto& item : items) observe_text(item);
  const char* preview = current >= 0 && current < static_cast<int>(items.size()) ? items[current].c_str() : "";
  if (ImGui::BeginCombo(label, preview)) {
    for (int i = 0; i < static_cast<int>(items.size()); ++i) {
      ImGui::PushID(i);
      if (ImGui::Selectable(items[i].c_str(), i == current)) {
        current = i;
        changed = true;
      }
      if (i == current) ImGui::SetItemDefaultFocus();
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  return changed;
}

void text(const std::string& s) {
  observe_text(s);
  ImGui::TextUnformatted(s.c_str(), s.c_str() + s.size());
}

void text_wrapped(const std::string& s) {
  observe_text(s);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(s.c_str(), s.c_str() + s.size());
  ImGui::PopTextWrapPos();
}

void text_coloured(ImU32 c, const std::string& s) {
  ImGui::PushStyleColor(ImGuiCol_Text, c);
  text(s);
  ImGui::PopStyleColor();
}

void text_disabled(const std::string& s) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
  text_wrapped(s);
  ImGui::PopStyleColor();
}

void badge(const std::string& s, ImU32 fill, ImU32 ink) {
  observe_text(s);
  ImVec2 size = ImGui::CalcTextSize(s.c_str(), s.c_str() + s.size());
  ImVec2 pad(em() * 0.35f, em() * 0.1f);
  ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + size.x + 2 * pad.x, p.y + size.y + 2 * pad.y), fill, em() * 0.25f);
  dl->AddText(ImVec2(p.x + pad.x, p.y + pad.y), ink, s.c_str(), s.c_str() + s.size());
  ImGui::Dummy(ImVec2(size.x + 2 * pad.x, size.y + 2 * pad.y));
}

void tooltip_if_hovered(const std::string& s) {
  if (s.empty() || !ImGui::IsItemHovered()) return;
  observe_text(s);
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(em() * 30);
  text(s);
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

void heading(const std::string& s) {
  ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(150, 190, 245, 255));
  text(s);
  ImGui::PopStyleColor();
  ImGui::Separator();
}

float em() { return ImGui::GetFontSize(); }

ImU32 health_colour(Health h) {
  switch (h) {
    case Health::up: return colour::up;
    case Health::degraded: return colour::degraded;
    case Health::down: return colour::down;
  }
  return colour::off;
}

ImU32 reported_colour(Reported r) {
  switch (r) {
    case Reported::unknown: return colour::unknown;
    case Reported::down: return colour::down;
    case Reported::degraded: return colour::degraded;
    case Reported::up: return colour::up;
  }
  return colour::unknown;
}

std::string duration_clock(SimTime s) {
  const char* sign = s < 0 ? "-" : "";
  s = std::llabs(s);
  return fmt::format("{}{:02}:{:02}:{:02}", sign, s / 3600, s / 60 % 60, s % 60);
}

std::string about_duration(const Distribution& d, Lang lang) {
  auto mean = static_cast<SimTime>(std::llround(d.mean()));
  if (mean >= 120) mean = (mean + 30) / 60 * 60;  // whole minutes read better
  std::string text = describe_duration(mean, lang);
  if (d.kind == Distribution::Kind::fixed) return text;
  return lang == Lang::zh ? "约" + text : "about " + text;
}

void apply_style(float scale) {
  ImGuiStyle style;
  ImGui::StyleColorsDark(&style);
  style.WindowPadding = ImVec2(10, 10);
  style.FramePadding = ImVec2(8, 5);
  style.ItemSpacing = ImVec2(8, 7);
  style.ItemInnerSpacing = ImVec2(6, 5);
  style.CellPadding = ImVec2(6, 4);
  style.ScrollbarSize = 16;
  style.GrabMinSize = 12;
  style.WindowRounding = 0;
  style.ChildRounding = 4;
  style.FrameRounding = 4;
  style.PopupRounding = 4;
  style.TabRounding = 4;
  style.WindowBorderSize = 0;
  ImVec4* c = style.Colors;
  c[ImGuiCol_WindowBg] = ImVec4(0.105f, 0.115f, 0.135f, 1);
  c[ImGuiCol_ChildBg] = ImVec4(0.13f, 0.14f, 0.165f, 1);
  c[ImGuiCol_PopupBg] = ImVec4(0.12f, 0.13f, 0.155f, 0.98f);
  c[ImGuiCol_Header] = ImVec4(0.22f, 0.36f, 0.56f, 0.65f);
  c[ImGuiCol_HeaderHovered] = ImVec4(0.26f, 0.44f, 0.68f, 0.8f);
  c[ImGuiCol_HeaderActive] = ImVec4(0.26f, 0.50f, 0.78f, 1);
  c[ImGuiCol_Button] = ImVec4(0.20f, 0.33f, 0.52f, 1);
  c[ImGuiCol_ButtonHovered] = ImVec4(0.26f, 0.43f, 0.66f, 1);
  c[ImGuiCol_ButtonActive] = ImVec4(0.30f, 0.50f, 0.76f, 1);
  c[ImGuiCol_TableRowBgAlt] = ImVec4(1, 1, 1, 0.035f);
  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
}

}  // namespace drillsim::gui
