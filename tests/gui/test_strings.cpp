// The UI string tables: both languages have the same keys, and every key the console asks for exists.
#include <doctest/doctest.h>

#include <fstream>
#include <cctype>
#include <set>
#include <sstream>

#include "gui/console.hpp"
#include "gui_test_support.hpp"

using namespace drillsim;
using namespace drillsim::gui;

TEST_CASE("the zh and en string tables have the same keys") {
  test::load_strings();
  auto unmatched = strings().unmatched_keys();
  std::string list;
  for (const auto& k : unmatched) list += k + "\n";
  INFO(list);
  CHECK(unmatched.empty());
  CHECK(strings().keys().size() > 200);
}

TEST_CASE("every key the console's sources name is in both tables") {
  test::load_strings();
  std::set<std::string> keys;
  // tr("key") and trf("key", ...) with a literal key (std::regex trips GCC 12's warnings under ASan).
  auto literal_keys = [&](const std::string& text) {
    for (const char* call : {"tr(\"", "trf(\""}) {
      const std::string opener = call;
      for (std::size_t at = text.find(opener); at != std::string::npos; at = text.find(opener, at + 1)) {
        if (at > 0 && (std::isalnum(static_cast<unsigned char>(text[at - 1])) || text[at - 1] == '_')) continue;
        std::size_t start = at + opener.size(), end = text.find('"', start);
        if (end == std::string::npos) break;
        std::string key = text.substr(start, end - start);
        std::size_t next = text.find_first_not_of(" \t\n", end + 1);
        bool whole = next != std::string::npos && (text[next] == ')' || text[next] == ',');
        if (whole && !key.empty() && key.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.") == std::string::npos)
          keys.insert(key);
      }
    }
  };
  for (const auto& entry : std::filesystem::directory_iterator(test::source_path("gui"))) {
    if (entry.path().extension() != ".cpp") continue;
    std::ifstream in(entry.path());
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    literal_keys(text);
  }
  // Keys built at run time from a prefix and a name.
  for (int i = 0; i < screen_count; ++i) keys.insert(std::string("nav.") + screen_name(static_cast<Screen>(i)));
  for (const char* s : {"pending", "waiting", "held", "held_fallback", "delayed", "missed"})
    keys.insert(std::string("business.") + s);
  for (const char* k : {"fault", "clear", "message", "absent", "late", "fire", "load", "fact"})
    keys.insert(std::string("inject_kind.") + k);
  for (const char* r : {"P", "S", "M", "U"}) keys.insert(std::string("rating.") + r);
  for (const char* s : {"open", "done", "dropped"}) keys.insert(std::string("debrief.status_") + s);
  for (const char* k : {"inbox.kind_message", "inbox.kind_observation", "inbox.kind_arrived", "known.unknown",
                        "known.down", "known.degraded", "known.up", "state.up", "state.degraded", "state.down",
                        "state.standby", "state.switched_off", "state.moved_out", "state.destroyed",
                        "state.overheated", "state.battery_empty", "timeline.g_messages", "timeline.g_people"})
    keys.insert(k);
  CHECK(keys.size() > 150);
  for (const auto& k : keys) {
    for (Lang lang : {Lang::zh, Lang::en}) {
      INFO(k);
      CHECK(std::string(strings().get(k, lang)) != k);
    }
  }
}

TEST_CASE("a missing key shows itself and is recorded") {
  test::load_strings();
  CHECK(std::string(strings().get("no.such.key")) == "no.such.key");
  auto asked = strings().missing_asked();
  CHECK(std::find(asked.begin(), asked.end(), "no.such.key") != asked.end());
}

TEST_CASE("switching the language at run time changes the text") {
  test::load_strings();
  strings().set_lang(Lang::zh);
  std::string zh = tr("nav.situation");
  strings().set_lang(Lang::en);
  std::string en = tr("nav.situation");
  strings().set_lang(Lang::zh);
  CHECK(zh == "态势");
  CHECK(en == "Situation");
}
