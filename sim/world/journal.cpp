// Journal serialisation: JSON lines, written and read back for replay and re-scoring.
#include "sim/world/journal.hpp"

#include <array>
#include <charconv>
#include <cstdio>
#include <cstring>

namespace drillsim {
namespace {

constexpr std::array<const char*, 27> kind_names = {
    "drill_start", "drill_end", "inject", "live_inject", "inject_held", "inject_released",
    "fault", "fault_cleared", "health", "message", "submit", "rejected", "action_done",
    "observation", "comm", "fact", "component_state", "temperature", "battery", "fire",
    "party_called", "party_arrived", "person", "business", "level_reached", "note", ""};

void append_escaped(std::string& out, std::string_view s) {
  out += '"';
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
}

void field(std::string& out, const char* key, std::string_view value) {
  if (value.empty()) return;
  out += ',';
  append_escaped(out, key);
  out += ':';
  append_escaped(out, value);
}

void field(std::string& out, const char* key, std::int64_t value) {
  if (value == 0) return;
  out += ',';
  append_escaped(out, key);
  out += ':';
  out += std::to_string(value);
}

// A minimal reader for the flat objects to_json writes: string, integer and boolean values.
class FlatJsonReader {
 public:
  explicit FlatJsonReader(std::string_view s) : s_(s) {}
  template <class OnField>
  bool read(OnField on_field, std::string& error) {
    skip_ws();
    if (!eat('{')) return fail(error, "expected '{'");
    skip_ws();
    if (eat('}')) return true;
    for (;;) {
      std::string key, str;
      skip_ws();
      if (!read_string(key)) return fail(error, "expected a quoted key");
      skip_ws();
      if (!eat(':')) return fail(error, "expected ':'");
      skip_ws();
      if (peek() == '"') {
        if (!read_string(str)) return fail(error, "bad string value for '" + key + "'");
        if (!on_field(key, str, 0, true)) return fail(error, "unexpected field '" + key + "'");
      } else if (s_.substr(pos_, 4) == "true") {
        pos_ += 4;
        if (!on_field(key, "", 1, false)) return fail(error, "unexpected field '" + key + "'");
      } else if (s_.substr(pos_, 5) == "false") {
        pos_ += 5;
        if (!on_field(key, "", 0, false)) return fail(error, "unexpected field '" + key + "'");
      } else {
        std::int64_t v = 0;
        auto [p, ec] = std::from_chars(s_.data() + pos_, s_.data() + s_.size(), v);
        if (ec != std::errc()) return fail(error, "bad value for '" + key + "'");
        pos_ = static_cast<std::size_t>(p - s_.data());
        if (!on_field(key, "", v, false)) return fail(error, "unexpected field '" + key + "'");
      }
      skip_ws();
      if (eat('}')) break;
      if (!eat(',')) return fail(error, "expected ',' or '}'");
    }
    skip_ws();
    if (pos_ != s_.size()) return fail(error, "text after the object");
    return true;
  }

 private:
  std::string_view s_;
  std::size_t pos_ = 0;
  char peek() const { return pos_ < s_.size() ? s_[pos_] : '\0'; }
  bool eat(char c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }
  void skip_ws() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\r')) ++pos_;
  }
  bool fail(std::string& error, std::string msg) {
    error = "column " + std::to_string(pos_ + 1) + ": " + std::move(msg);
    return false;
  }
  bool read_string(std::string& out) {
    if (!eat('"')) return false;
    while (pos_ < s_.size()) {
      char c = s_[pos_++];
      if (c == '"') return true;
      if (c != '\\') {
        out += c;
        continue;
      }
      if (pos_ >= s_.size()) return false;
      char e = s_[pos_++];
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          if (pos_ + 4 > s_.size()) return false;
          unsigned v = 0;
          auto [p, ec] = std::from_chars(s_.data() + pos_, s_.data() + pos_ + 4, v, 16);
          if (ec != std::errc() || p != s_.data() + pos_ + 4 || v >= 0x80) return false;
          out += static_cast<char>(v);
          pos_ += 4;
          break;
        }
        default: return false;
      }
    }
    return false;
  }
};

}  // namespace

const char* entry_kind_name(EntryKind kind) { return kind_names[static_cast<std::size_t>(kind)]; }

bool entry_kind_from_name(std::string_view name, EntryKind& out) {
  for (std::size_t i = 0; i + 1 < kind_names.size(); ++i)
    if (name == kind_names[i]) {
      out = static_cast<EntryKind>(i);
      return true;
    }
  return false;
}

std::string to_json(const JournalEntry& e) {
  std::string out = "{\"t\":" + std::to_string(e.t) + ",\"kind\":";
  append_escaped(out, entry_kind_name(e.kind));
  if (e.truth_only) out += ",\"truth\":true";
  field(out, "post", e.post);
  field(out, "actor", e.actor);
  field(out, "action", e.action);
  field(out, "target", e.target);
  field(out, "subject", e.subject);
  field(out, "result", e.result);
  field(out, "zh", e.text.zh);
  field(out, "en", e.text.en);
  field(out, "from_zh", e.from.zh);
  field(out, "from_en", e.from.en);
  field(out, "value", e.value);
  field(out, "run", static_cast<std::int64_t>(e.run));
  out += '}';
  return out;
}

bool parse_journal_line(std::string_view line, JournalEntry& out, std::string& error) {
  out = JournalEntry{};
  bool has_t = false, has_kind = false;
  FlatJsonReader reader(line);
  bool ok = reader.read(
      [&](const std::string& key, std::string_view str, std::int64_t num, bool is_string) {
        if (key == "t" && !is_string) { out.t = num; has_t = true; return true; }
        if (key == "kind" && is_string) { has_kind = entry_kind_from_name(str, out.kind); return has_kind; }
        if (key == "truth" && !is_string) { out.truth_only = num != 0; return true; }
        if (key == "value" && !is_string) { out.value = num; return true; }
        if (key == "run" && !is_string) { out.run = static_cast<std::uint32_t>(num); return num >= 0; }
        if (!is_string) return false;
        std::string* target = key == "post"      ? &out.post
                              : key == "actor"   ? &out.actor
                              : key == "action"  ? &out.action
                              : key == "target"  ? &out.target
                              : key == "subject" ? &out.subject
                              : key == "result"  ? &out.result
                              : key == "zh"      ? &out.text.zh
                              : key == "en"      ? &out.text.en
                              : key == "from_zh" ? &out.from.zh
                              : key == "from_en" ? &out.from.en
                                                 : nullptr;
        if (!target) return false;
        *target = str;
        return true;
      },
      error);
  if (!ok) return false;
  if (!has_t || !has_kind) {
    error = has_t ? "missing or unknown \"kind\"" : "missing \"t\"";
    return false;
  }
  return true;
}

std::string Journal::to_jsonl() const {
  std::string out;
  for (const auto& e : entries_) {
    out += to_json(e);
    out += '\n';
  }
  return out;
}

std::uint64_t Journal::hash() const {
  std::uint64_t h = 1469598103934665603ull;
  for (const auto& e : entries_) {
    std::string line = to_json(e);
    line += '\n';
    for (unsigned char c : line) {
      h ^= c;
      h *= 1099511628211ull;
    }
  }
  return h;
}

}  // namespace drillsim
