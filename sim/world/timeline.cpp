// Timeline rendering of journal entries.
#include "sim/world/timeline.hpp"

#include <fmt/format.h>

#include "sim/model/civil_date.hpp"
#include "sim/world/names.hpp"

namespace drillsim {
namespace {

struct Label {
  const char* zh;
  const char* en;
};

Label label_of(EntryKind kind) {
  switch (kind) {
    case EntryKind::drill_start: return {"演练开始", "START"};
    case EntryKind::drill_end: return {"演练结束", "END"};
    case EntryKind::inject: return {"注入", "INJECT"};
    case EntryKind::live_inject: return {"临时注入", "LIVE INJECT"};
    case EntryKind::inject_held: return {"暂缓注入", "HOLD"};
    case EntryKind::inject_released: return {"放行注入", "RELEASE"};
    case EntryKind::fault: return {"故障", "FAULT"};
    case EntryKind::fault_cleared: return {"故障排除", "FIXED"};
    case EntryKind::health: return {"状态", "STATE"};
    case EntryKind::message: return {"消息", "MESSAGE"};
    case EntryKind::submit: return {"动作", "ACTION"};
    case EntryKind::rejected: return {"拒绝", "REFUSED"};
    case EntryKind::action_done: return {"完成", "DONE"};
    case EntryKind::observation: return {"发现", "OBSERVED"};
    case EntryKind::comm: return {"通报", "COMM"};
    case EntryKind::fact: return {"事项", "FACT"};
    case EntryKind::component_state: return {"设备", "EQUIPMENT"};
    case EntryKind::temperature: return {"温度", "TEMP"};
    case EntryKind::battery: return {"电池", "BATTERY"};
    case EntryKind::fire: return {"火情", "FIRE"};
    case EntryKind::party_called: return {"联系外部", "CALLED"};
    case EntryKind::party_arrived: return {"外部到场", "ARRIVED"};
    case EntryKind::person: return {"人员", "PERSON"};
    case EntryKind::business: return {"业务", "BUSINESS"};
    case EntryKind::level_reached: return {"事件级别", "LEVEL"};
    case EntryKind::note: return {"备注", "NOTE"};
  }
  return {"", ""};
}

const char* word(std::string_view code, Lang lang) {
  struct W {
    const char* code;
    const char* zh;
    const char* en;
  };
  static const W words[] = {
      {"up", "恢复正常", "up"},
      {"degraded", "降级", "degraded"},
      {"down", "中断", "down"},
      {"downtime", "累计中断", "total downtime"},
      {"held", "按时进行", "held on time"},
      {"held_fallback", "按备用方案进行", "held by the fallback"},
      {"delayed", "延迟进行", "held late"},
      {"missed", "未能进行", "missed"},
      {"waiting", "无法按时开始，等待恢复", "cannot start on time, waiting for recovery"},
      {"postponed", "时间调整", "postponed"},
      {"absent", "缺席", "absent"},
      {"late", "迟到", "late"},
      {"arrived", "到岗", "arrived"},
      {"set", "已成立", "set"},
      {"cleared", "已撤销", "cleared"},
      {"on", "开启", "on"},
      {"standby", "待机", "standby"},
      {"switched_off", "关闭", "switched off"},
      {"moved_out", "已移出机房", "moved out"},
      {"destroyed", "损毁", "destroyed"},
      {"overheated", "过热停机", "overheated and shut down"},
      {"battery_empty", "电池耗尽", "battery empty"},
      {"on_battery", "转电池供电", "on battery"},
      {"charging", "市电恢复，充电", "input back, charging"},
      {"empty", "电池耗尽", "battery empty"},
      {"rising", "上升至", "rising, now"},
      {"falling", "下降至", "falling, now"},
      {"started", "起火", "fire started"},
      {"too_big", "火势过大，无法扑灭", "too big to put out by hand"},
      {"extinguished", "已扑灭", "put out"},
      {"data_lost", "数据丢失", "data lost"},
      {"queued", "排队", "queued"},
      {"report", "报告", "report"},
      {"notify", "通知", "notify"},
      {"declare_level", "宣布级别", "declare level"},
      {"start_emergency", "启动应急", "start emergency"},
      {"end_emergency", "结束应急", "end emergency"},
      {"notice", "公告", "notice"},
      {"summary_report", "总结报告", "summary report"},
      {"not_allowed", "岗位无权", "post not allowed"},
      {"nobody_at_post", "无人在岗", "nobody at post"},
      {"bad_target", "目标无效", "bad target"},
      {"precondition", "条件不满足", "precondition"},
      {"drill_over", "演练已结束", "drill over"},
  };
  for (const W& w : words)
    if (code == w.code) return lang == Lang::zh ? w.zh : w.en;
  return nullptr;
}

std::string word_or(std::string_view code, Lang lang) {
  const char* w = word(code, lang);
  return w ? std::string(w) : std::string(code);
}

std::string post_name(const Model& m, const std::string& id, Lang lang) {
  Ix p = m.find_post(id);
  return p == no_ix ? id : m.organisation.posts[p].name.in(lang);
}

std::string minutes(std::int64_t seconds, Lang lang) {
  if (seconds % 60 == 0) return fmt::format(fmt::runtime(lang == Lang::zh ? "{}分钟" : "{} min"), seconds / 60);
  return fmt::format(fmt::runtime(lang == Lang::zh ? "{}分{}秒" : "{} min {} s"), seconds / 60, seconds % 60);
}

}  // namespace

std::string clock_text(const Scenario& scenario, SimTime t) {
  std::int64_t wall = scenario.start_epoch_s + t;
  std::int64_t start_day = scenario.start_epoch_s / 86400;
  std::int64_t day = wall / 86400, sec = wall % 86400;
  std::string clock = fmt::format("{:02}:{:02}:{:02}", sec / 3600, sec / 60 % 60, sec % 60);
  return day > start_day ? fmt::format("D+{} {}", day - start_day, clock) : clock;
}

std::string date_text(const Scenario& scenario) {
  std::int64_t days = scenario.start_epoch_s / 86400 - (scenario.start_epoch_s % 86400 < 0 ? 1 : 0);
  return date_of_days(days);
}

std::string render_entry(const Model& m, const JournalEntry& e, Lang lang) {
  const bool zh = lang == Lang::zh;
  Label label = label_of(e.kind);
  std::string head = fmt::format("{} {}[{}] ", clock_text(m.scenario, e.t), e.truth_only ? '*' : ' ',
                                 zh ? label.zh : label.en);
  std::string body;
  const std::string& text = e.text.in(lang);
  switch (e.kind) {
    case EntryKind::drill_start:
      body = fmt::format("{} ({} {}, seed {})", text, date_text(m.scenario), m.plan.name.in(lang), e.value);
      break;
    case EntryKind::drill_end: body = e.result.empty() ? "" : word_or(e.result, lang); break;
    case EntryKind::inject:
    case EntryKind::inject_held:
    case EntryKind::inject_released: body = text.empty() ? e.subject : fmt::format("{}: {}", e.subject, text); break;
    case EntryKind::live_inject: body = fmt::format("{} {}", e.subject, text); break;
    case EntryKind::fault:
    case EntryKind::fault_cleared: {
      Ix c = m.find_component(e.subject);
      body = fmt::format("{}: {}", c == no_ix ? e.subject : m.platform.components[c].name.in(lang), text);
      break;
    }
    case EntryKind::health:
      body = e.result == "downtime" ? fmt::format("{} {} {}", text, word_or(e.result, lang), minutes(e.value, lang))
                                    : fmt::format("{} {}", text, word_or(e.result, lang));
      break;
    case EntryKind::message:
      body = fmt::format("{} → {}: {}", e.from.in(lang), post_name(m, e.post, lang), text);
      break;
    case EntryKind::submit:
    case EntryKind::action_done:
    case EntryKind::rejected: {
      std::string who = post_name(m, e.post, lang);
      if (!e.actor.empty()) who += "（" + e.actor + "）";
      Ix a = m.find_action(e.action);
      std::string what = a == no_ix ? e.action : m.catalog.actions[a].name.in(lang);
      if (!e.target.empty()) {
        Text target{e.target, e.target};
        if (a != no_ix) {
          const ActionDef& def = m.catalog.actions[a];
          Ix ix = no_ix;
          switch (def.target) {
            case ActionDef::Target::component: ix = m.find_component(e.target); break;
            case ActionDef::Target::post: ix = m.find_post(e.target); break;
            case ActionDef::Target::party: ix = m.find_party(e.target); break;
            case ActionDef::Target::level: ix = m.find_level(e.target); break;
            default: break;
          }
          target = target_text(m, def, ix, e.target);
        }
        what += fmt::format(" [{}]", target.in(lang));
      }
      body = fmt::format("{}: {}", who, what);
      if (e.kind == EntryKind::submit)
        body += fmt::format(fmt::runtime(zh ? "（约{}完成{}）" : " (done in {}{})"), minutes(e.value, lang),
                            e.result == "queued" ? (zh ? "，排队" : ", queued") : "");
      if (e.kind == EntryKind::rejected) body += fmt::format(" — {}", text);
      if (!e.from.in(lang).empty() && e.kind == EntryKind::submit) body += fmt::format(fmt::runtime(zh ? " 备注：{}" : " note: {}"), e.from.in(lang));
      break;
    }
    case EntryKind::observation:
      body = fmt::format("{}: {} ({})", post_name(m, e.post, lang), text, e.result);
      break;
    case EntryKind::comm: {
      std::string to;
      for (std::size_t start = 0; start < e.subject.size();) {
        std::size_t comma = e.subject.find(',', start);
        std::string id = e.subject.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        Ix p = m.find_post(id);
        std::string name = id;
        if (p != no_ix) name = m.organisation.posts[p].name.in(lang);
        for (const Group& g : m.organisation.groups)
          if (g.id == id) name = g.name.in(lang);
        to += (to.empty() ? "" : "、") + name;
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
      body = fmt::format("{}: {} {}", post_name(m, e.post, lang), word_or(e.result, lang), to);
      if (!e.target.empty()) {
        Ix l = m.find_level(e.target);
        body += fmt::format(" [{}]", l == no_ix ? e.target : m.plan.levels[l].name.in(lang));
      }
      break;
    }
    case EntryKind::fact: body = fmt::format("{} {}", text, word_or(e.result, lang)); break;
    case EntryKind::component_state: body = fmt::format("{} {}", text, word_or(e.result, lang)); break;
    case EntryKind::temperature:
      body = fmt::format("{} {} {:.1f} °C", text, word_or(e.result, lang), static_cast<double>(e.value) / 10.0);
      break;
    case EntryKind::battery: body = fmt::format("{} {} ({}%)", text, word_or(e.result, lang), e.value); break;
    case EntryKind::fire: body = fmt::format("{} {}", text, word_or(e.result, lang)); break;
    case EntryKind::party_called:
      if (e.result == "eta")
        body = fmt::format(fmt::runtime(zh ? "{} 将在{}后响应" : "{} will respond in {}"), text, minutes(e.value, lang));
      else
        body = fmt::format(fmt::runtime(zh ? "{} 联系 {}" : "{} called {}"), post_name(m, e.post, lang), text);
      break;
    case EntryKind::party_arrived: body = text; break;
    case EntryKind::person:
      body = fmt::format("{} {}", text, word_or(e.result, lang));
      if (e.result == "late") body += " " + minutes(e.value, lang);
      break;
    case EntryKind::business:
      body = fmt::format("{}: {}", text, word_or(e.result, lang));
      if ((e.result == "delayed" || e.result == "postponed") && e.value > 0) body += " " + minutes(e.value, lang);
      break;
    case EntryKind::level_reached: body = text; break;
    case EntryKind::note: body = e.actor.empty() ? text : fmt::format("{}: {}", e.actor, text); break;
  }
  return head + body;
}

}  // namespace drillsim
