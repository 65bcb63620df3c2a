// Loading response files and playing them into a drill.
#include "sim/world/responses.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "sim/load/loader.hpp"

namespace drillsim {
bool load_responses(const std::string& path, const Model& model, ResponseFile& out, Diagnostics& problems) {
  auto problem = [&](const YAML::Mark& mark, std::string msg) {
    problems.push_back(Diagnostic{path, mark.line + 1, mark.column + 1, std::move(msg)});
  };
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    problems.push_back(Diagnostic{path, 0, 0, "cannot open the file"});
    return false;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  if (buffer.str().size() > (1u << 22)) {
    problems.push_back(Diagnostic{path, 0, 0, "the file is larger than 4 MiB"});
    return false;
  }
  YAML::Node root;
  try {
    root = YAML::Load(buffer.str());
  } catch (const YAML::Exception& e) {
    problem(e.mark, e.msg);
    return false;
  }
  if (!root.IsMap() || !root["responses"] || !root["responses"].IsMap()) {
    problems.push_back(Diagnostic{path, 1, 1, "expected a top-level 'responses:' map"});
    return false;
  }
  YAML::Node top = root["responses"];
  try {
    for (const auto& kv : top) {
      std::string key = kv.first.as<std::string>();
      if (key != "scenario" && key != "actions")
        problem(kv.first.Mark(), "unknown field '" + key + "' (allowed: scenario, actions)");
    }
    if (top["scenario"]) {
      out.scenario = top["scenario"].as<std::string>();
      if (!model.scenario.id.empty() && out.scenario != model.scenario.id)
        problem(top["scenario"].Mark(), "written for scenario '" + out.scenario + "', not '" + model.scenario.id + "'");
    }
    YAML::Node actions = top["actions"];
    if (!actions || !actions.IsSequence()) {
      problem(top.Mark(), "'actions' must be a list");
      return false;
    }
    for (const auto& item : actions) {
      if (!item.IsMap()) {
        problem(item.Mark(), "each action must be a map");
        continue;
      }
      ScriptedAction sa;
      sa.line = item.Mark().line + 1;
      bool ok = true;
      for (const auto& kv : item) {
        std::string key = kv.first.as<std::string>();
        static const char* allowed[] = {"at", "post", "action", "target", "actor", "note"};
        if (std::find_if(std::begin(allowed), std::end(allowed), [&](const char* a) { return key == a; }) ==
            std::end(allowed)) {
          problem(kv.first.Mark(), "unknown field '" + key + "' (allowed: at, post, action, target, actor, note)");
          ok = false;
        }
      }
      auto required = [&](const char* key) -> std::string {
        if (!item[key] || !item[key].IsScalar()) {
          problem(item.Mark(), std::string("missing field '") + key + "'");
          ok = false;
          return "";
        }
        return item[key].as<std::string>();
      };
      std::string at = required("at"), post = required("post"), action = required("action");
      if (!ok) continue;
      if (!parse_scenario_time(at, model.scenario.start_epoch_s, sa.at)) {
        problem(item["at"].Mark(), "bad time '" + at + "' (HH:MM, HH:MM:SS, +DURATION; not before the start)");
        ok = false;
      }
      sa.submission.post = model.find_post(post);
      if (sa.submission.post == no_ix) {
        problem(item["post"].Mark(), "unknown post '" + post + "'");
        ok = false;
      }
      sa.submission.action = model.find_action(action);
      if (sa.submission.action == no_ix) {
        problem(item["action"].Mark(), "unknown action '" + action + "'");
        ok = false;
      }
      if (item["actor"]) sa.submission.actor = item["actor"].as<std::string>();
      if (item["note"]) {
        const YAML::Node& note = item["note"];
        sa.submission.note = note.IsMap() ? (note["zh"] ? note["zh"].as<std::string>() : note["en"].as<std::string>(""))
                                          : note.as<std::string>();
      }
      if (ok && item["target"]) {
        std::string target = item["target"].as<std::string>();
        sa.submission.target_id = target;
        const ActionDef& def = model.catalog.actions[sa.submission.action];
        Ix ix = no_ix;
        switch (def.target) {
          case ActionDef::Target::component: ix = model.find_component(target); break;
          case ActionDef::Target::post: ix = model.find_post(target); break;
          case ActionDef::Target::party: ix = model.find_party(target); break;
          case ActionDef::Target::level: ix = model.find_level(target); break;
          default: break;
        }
        sa.submission.target = ix;
        bool needs_ix = def.target != ActionDef::Target::none && def.target != ActionDef::Target::business_event;
        if (needs_ix && ix == no_ix) {
          problem(item["target"].Mark(), "unknown target '" + target + "' for action '" + action + "'");
          ok = false;
        }
      }
      if (ok) out.actions.push_back(std::move(sa));
    }
  } catch (const YAML::Exception& e) {
    problem(e.mark, e.msg);
  }
  std::stable_sort(out.actions.begin(), out.actions.end(),
                   [](const ScriptedAction& a, const ScriptedAction& b) { return a.at < b.at; });
  return problems.empty();
}

void run_with_responses(Drill& drill, const ResponseFile& responses) {
  for (const ScriptedAction& sa : responses.actions) {
    if (drill.finished()) break;
    drill.advance_to(sa.at);
    drill.submit(sa.submission);
  }
  drill.advance_to(drill.end_time());
}

}  // namespace drillsim
