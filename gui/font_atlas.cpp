// The glyph atlas: finding the font, collecting codepoints, building ImGui's atlas.
#include "gui/font_atlas.hpp"

#include <imgui.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace drillsim::gui {

FontSource find_cjk_font() {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (const char* env = std::getenv("DRILLSIM_FONT"); env && *env) {
    std::string s = env;
    int face = 0;
    if (auto colon = s.rfind(':'); colon != std::string::npos && colon + 1 < s.size() &&
                                   s.find_first_not_of("0123456789", colon + 1) == std::string::npos) {
      face = std::atoi(s.c_str() + colon + 1);
      s.resize(colon);
    }
    if (fs::exists(s, ec)) return {s, face, fs::path(s).filename().string()};
  }
  const FontSource candidates[] = {
      // fc-query: faces 0 JP, 1 KR, 2 SC, 3 TC, 4 HK.
      {"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2, "Noto Sans CJK SC"},
      {"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0, "WenQuanYi Micro Hei"},
      {"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", 0, "Droid Sans Fallback"},
  };
  for (const auto& c : candidates)
    if (fs::exists(c.path, ec)) return c;
  return {};
}

std::vector<std::uint32_t> codepoints(std::string_view s) {
  std::vector<std::uint32_t> out;
  for (std::size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    std::uint32_t c = 0;
    int n = 0;
    if (b < 0x80) {
      c = b, n = 1;
    } else if ((b & 0xE0) == 0xC0) {
      c = b & 0x1F, n = 2;
    } else if ((b & 0xF0) == 0xE0) {
      c = b & 0x0F, n = 3;
    } else if ((b & 0xF8) == 0xF0) {
      c = b & 0x07, n = 4;
    } else {
      ++i;  // a stray continuation byte
      continue;
    }
    if (i + n > s.size()) break;
    for (int k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += n;
    if (c <= 0xFFFF) out.push_back(c);
  }
  return out;
}

FontAtlas::FontAtlas() : wanted_(0x10000, 0), built_(0x10000, 0) {
  for (std::uint32_t c = 0x20; c < 0x7F; ++c) wanted_[c] = 1;
  for (std::uint32_t c : {0x00D7u, 0x00B0u, 0x2026u, 0x2192u, 0x2190u, 0x2014u, 0x00B7u}) wanted_[c] = 1;  // × ° … → ← — ·
  source_ = find_cjk_font();
}

void FontAtlas::want(std::string_view s) {
  // Called with every text drawn, every frame: ASCII is wanted from the start, so skip it fast.
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (static_cast<unsigned char>(s[i]) >= 0x80) {
      for (std::uint32_t c : codepoints(s.substr(i))) {
        if (c < 0x20 || wanted_[c]) continue;
        wanted_[c] = 1;
        if (!built_[c]) pending_ = true;
      }
      return;
    }
  }
}

bool FontAtlas::build(float px, std::string* error) {
  auto t0 = std::chrono::steady_clock::now();
  px_ = px;
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  body_ = large_ = nullptr;
  if (file_.empty() && !source_.path.empty()) {
    std::ifstream in(source_.path, std::ios::binary);
    file_.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  ranges_.clear();
  for (std::uint32_t c = 1; c < 0x10000; ++c) {
    if (!wanted_[c]) continue;
    std::uint32_t end = c;
    while (end + 1 < 0x10000 && wanted_[end + 1]) ++end;
    ranges_.push_back(static_cast<unsigned short>(c));
    ranges_.push_back(static_cast<unsigned short>(end));
    c = end;
  }
  ranges_.push_back(0);
  large_ranges_ = {0x20, 0x7E, 0};
  if (file_.empty()) {
    if (error) *error = "no CJK font found (install fonts-noto-cjk)";
    body_ = io.Fonts->AddFontDefault();
    large_ = body_;
  } else {
    ImFontConfig cfg;
    cfg.FontNo = source_.face;
    cfg.FontDataOwnedByAtlas = false;
    cfg.OversampleH = 1;  // CJK at UI sizes needs no horizontal oversampling; keeps the atlas small and fast
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    body_ = io.Fonts->AddFontFromMemoryTTF(file_.data(), static_cast<int>(file_.size()), px, &cfg, ranges_.data());
    large_ = io.Fonts->AddFontFromMemoryTTF(file_.data(), static_cast<int>(file_.size()), px * 2.0f, &cfg,
                                            large_ranges_.data());
  }
  bool ok = io.Fonts->Build();
  if (!ok && error) *error = "the font atlas could not be built";
  built_ = wanted_;
  pending_ = false;
  build_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  return ok && body_ != nullptr;
}

std::vector<std::uint32_t> FontAtlas::missing(std::string_view utf8) const {
  std::vector<std::uint32_t> out;
  if (!body_) return codepoints(utf8);
  for (std::uint32_t c : codepoints(utf8)) {
    if (c < 0x20 || c == 0x7F) continue;
    if (!body_->FindGlyphNoFallback(static_cast<ImWchar>(c))) out.push_back(c);
  }
  return out;
}

int FontAtlas::glyph_count() const { return body_ ? body_->Glyphs.Size : 0; }

}  // namespace drillsim::gui
