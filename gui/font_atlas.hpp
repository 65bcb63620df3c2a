// The glyph atlas: a CJK font from the system's packages, with exactly the glyphs of the text in use.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

struct ImFont;

namespace drillsim::gui {

// A font file and the face inside it (a .ttc collection holds several).
struct FontSource {
  std::string path;
  int face = 0;
  std::string name;
};
// Noto Sans CJK SC (face 2 of the Noto collection), else WenQuanYi Micro Hei, else Droid Sans Fallback.
// $DRILLSIM_FONT (path, optionally ":face") overrides. Empty path when none is installed.
FontSource find_cjk_font();

// The codepoints of a UTF-8 text (the Basic Multilingual Plane only: ImGui 1.86 uses 16-bit ImWchar).
std::vector<std::uint32_t> codepoints(std::string_view utf8);

// Builds ImGui's font atlas (the current context's io.Fonts) from the codepoints wanted so far.
// The "Chinese simplified common" range lacks characters the domain needs (函 of 保函), so the set
// is built from the text actually used: UI strings, every loaded model, rendered journal lines.
class FontAtlas {
 public:
  FontAtlas();
  void want(std::string_view utf8);
  // Wanted codepoints the built atlas lacks: a rebuild is due (between frames).
  bool pending() const { return pending_; }
  // (Re)builds io.Fonts: the body font at px and a large one (digits and Latin) for the clock.
  // The renderer must upload the texture again afterwards.
  bool build(float px, std::string* error = nullptr);
  ImFont* body() const { return body_; }
  ImFont* large() const { return large_; }
  float pixel_size() const { return px_; }
  // Codepoints of text (printable ones) that the body font has no glyph for.
  std::vector<std::uint32_t> missing(std::string_view utf8) const;
  double build_ms() const { return build_ms_; }
  int glyph_count() const;
  const FontSource& source() const { return source_; }

 private:
  FontSource source_;
  std::vector<unsigned char> file_;  // the font file, read once
  std::vector<char> wanted_, built_;  // by codepoint
  std::vector<unsigned short> ranges_, large_ranges_;  // must outlive the atlas
  bool pending_ = true;
  ImFont* body_ = nullptr;
  ImFont* large_ = nullptr;
  float px_ = 18;
  double build_ms_ = 0;
};

}  // namespace drillsim::gui
