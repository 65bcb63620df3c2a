// A small platform built in code for world tests: power, cooling, a hot-standby pair, an app, a room.
#pragma once

#include <memory>

#include "sim/model/model.hpp"

namespace drillsim::test {

// Components (indices): 0 mains, 1 generator (standby), 2 ups1, 3 ups2, 4 ac1, 5 ac2, 6 room,
// 7 srv_a, 8 srv_b, 9 db, 10 wan, 11 app, 12 tapes (backup media in the room).
// app requires db and wan; db requires any of (srv_a, srv_b); servers require any of (ups1, ups2);
// each UPS requires any of (mains, generator); the room is cooled by any of (ac1, ac2).
// Posts: 0 tech (holders A person 0, B person 1), 1 leader (person 2), 2 hotline (person 3).
// Actions: 0 restart (tech; target component; fixes crash), 1 bastion_login (tech; observes
// fail/ok on target), 2 start_generator (tech; activates generator; 5 min), 3 report (leader; comm report),
// 4 move_tapes (tech; move_out tapes), 5 supply_fallback (leader; sets fact 0).
// Fault types: 0 crash (down), 1 line_cut (down), 2 slow (degraded).
inline Model mini_model() {
  Model m;
  auto text = [](const char* zh, const char* en) { return Text{zh, en}; };
  auto comp = [&](const char* id, ComponentKind kind) {
    Component c;
    c.id = id;
    c.name = text(id, id);
    c.kind = kind;
    m.platform.components.push_back(c);
    return static_cast<Ix>(m.platform.components.size() - 1);
  };
  Ix mains = comp("mains", ComponentKind::mains_power);
  Ix gen = comp("generator", ComponentKind::generator);
  Ix ups1 = comp("ups1", ComponentKind::ups);
  Ix ups2 = comp("ups2", ComponentKind::ups);
  Ix ac1 = comp("ac1", ComponentKind::cooling);
  Ix ac2 = comp("ac2", ComponentKind::cooling);
  Ix room = comp("room", ComponentKind::room);
  Ix srv_a = comp("srv_a", ComponentKind::server);
  Ix srv_b = comp("srv_b", ComponentKind::server);
  Ix db = comp("db", ComponentKind::database);
  Ix wan = comp("wan", ComponentKind::wan_line);
  Ix app = comp("app", ComponentKind::application);
  Ix tapes = comp("tapes", ComponentKind::backup_media);
  auto& cs = m.platform.components;
  cs[gen].standby = true;
  for (Ix u : {ups1, ups2}) {
    cs[u].requires_any = {{mains, gen}};
    cs[u].holdup = 600;
    cs[u].recharge = 3600;
  }
  cs[room].requires_any = {{ac1, ac2}};
  cs[room].base_temp_c = 22;
  cs[room].heat_rate_c_per_min = 0.5;
  cs[room].cool_rate_c_per_min = 1.0;
  cs[room].alarm_temp_c = 38;
  cs[room].fire_small = 300;
  cs[room].fire_destroy = 900;
  for (Ix s : {srv_a, srv_b}) {
    cs[s].requires_any = {{ups1, ups2}};
    cs[s].room = room;
    cs[s].max_temp_c = 40;
  }
  cs[db].requires_any = {{srv_a, srv_b}};
  cs[app].requires_all = {db, wan};
  cs[app].tags = {"opening"};
  cs[tapes].room = room;
  cs[tapes].holds_data = true;
  Symptom complaint;
  complaint.id = "app_down";
  complaint.on = Health::down;
  complaint.from = text("投标人", "Bidders");
  complaint.to = 2;
  complaint.delay = 120;
  complaint.text = text("{component}无法访问", "{component} unreachable");
  cs[app].symptoms.push_back(complaint);
  m.platform.topo_order = {mains, gen, ups1, ups2, ac1, ac2, room, srv_a, srv_b, db, wan, app, tapes};
  m.platform.fault_types = {FaultType{"crash", text("崩溃", "crash"), Health::down, {}, {0}},
                            FaultType{"line_cut", text("断线", "line cut"), Health::down, {}, {}},
                            FaultType{"slow", text("缓慢", "slow"), Health::degraded, {}, {}}};

  m.organisation.persons = {Person{"tech_a", text("技术组A角", "Tech A")}, Person{"tech_b", text("技术组B角", "Tech B")},
                            Person{"leader_a", text("组长A角", "Leader A")}, Person{"hotline_a", text("热线A角", "Hotline A")}};
  m.organisation.groups = {Group{"tech_group", text("技术组", "Technical group")}};
  m.organisation.posts = {Post{"tech", text("技术组", "Technical group"), 0, {0, 1}},
                          Post{"leader", text("领导小组", "Leadership"), 0, {2}},
                          Post{"hotline", text("客服热线", "Hotline"), 0, {3}}};
  m.organisation.parties = {Party{"vendor", text("厂商", "Vendor"), "vendor", Distribution::fixed(1800)}};

  m.catalog.facts = {Fact{"fallback", text("备用方案", "fallback")}};
  auto action = [&](const char* id, std::vector<Ix> posts, ActionDef::Target target, double seconds) {
    ActionDef a;
    a.id = id;
    a.name = text(id, id);
    a.posts = std::move(posts);
    a.target = target;
    a.duration = Distribution::fixed(seconds);
    m.catalog.actions.push_back(a);
    return static_cast<Ix>(m.catalog.actions.size() - 1);
  };
  Ix restart = action("restart", {0}, ActionDef::Target::component, 300);
  Effect repair;
  repair.kind = Effect::Kind::repair;
  repair.component = target_ix;
  repair.fixes = {0};
  m.catalog.actions[restart].effects.push_back(repair);
  Ix bastion = action("bastion_login", {0}, ActionDef::Target::component, 120);
  ObservationRule fail;
  fail.when.kind = Condition::Kind::health;
  fail.when.component = target_ix;
  fail.when.not_up = true;
  fail.result = "fail";
  fail.text = text("堡垒机无法登录{target}", "cannot log in to {target}");
  ObservationRule ok;
  ok.result = "ok";
  ok.text = text("登录成功", "logged in");
  m.catalog.actions[bastion].observe = {fail, ok};
  Ix start_gen = action("start_generator", {0}, ActionDef::Target::none, 300);
  Effect activate;
  activate.kind = Effect::Kind::activate;
  activate.component = gen;
  m.catalog.actions[start_gen].effects.push_back(activate);
  Ix report = action("report", {1}, ActionDef::Target::none, 60);
  m.catalog.actions[report].comm.kind = Communication::Kind::report;
  m.catalog.actions[report].comm.to_groups = {0};
  Ix move = action("move_tapes", {0}, ActionDef::Target::none, 240);
  Effect move_out;
  move_out.kind = Effect::Kind::move_out;
  move_out.component = tapes;
  m.catalog.actions[move].effects.push_back(move_out);
  Ix fallback = action("supply_fallback", {1}, ActionDef::Target::none, 600);
  Effect set;
  set.kind = Effect::Kind::set_fact;
  set.ref = 0;
  m.catalog.actions[fallback].effects.push_back(set);

  m.scenario.id = "mini";
  m.scenario.start = "2026-03-18 09:00";
  m.scenario.start_epoch_s = 1773824400;  // 2026-03-18 09:00 as if UTC
  m.scenario.end = 4 * 3600;
  m.scenario.seed = 7;
  return m;
}

inline Inject fault_at(const char* id, SimTime at, Ix component, Ix fault_type) {
  Inject i;
  i.id = id;
  i.kind = Inject::Kind::fault;
  i.at = at;
  i.component = component;
  i.ref = fault_type;
  return i;
}

inline std::shared_ptr<const Model> share(Model m) { return std::make_shared<const Model>(std::move(m)); }

}  // namespace drillsim::test
