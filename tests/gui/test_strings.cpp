// The UI string tables: both languages have the same keys, and every key the console asks for exists.
#include <doctest/doctest.h>

#include <fstream>
#include <regex>
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
  std::regex literal(R"re(\btrf?\("([A-Za-z0-9_.]+)"\s*[,)])re");
  for (const auto& entry : std::filesystem::directory_iterator(test::source_path("gui"))) {
    if (entry.path().extension() != ".cpp") continue;
    std::ifstream in(entry.path());
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    for (std::sregex_iterator it(text.begin(), text.end(), literal), end; it != end; ++it) keys.insert((*it)[1]);
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
