// Descriptions of conditions and durations in Chinese or English.
#include "sim/world/describe.hpp"

#include <fmt/format.h>

#include "sim/world/names.hpp"

namespace drillsim {
namespace {

std::string join(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : sep) + p;
  return out;
}

std::string component_name(const Model& m, Ix c, Lang lang) {
  if (c == target_ix) return lang == Lang::zh ? "所选目标" : "the chosen target";
  return c < m.platform.components.size() ? m.platform.components[c].name.in(lang) : "?";
}

std::string action_name(const Model& m, Ix a, Lang lang) {
  return a < m.catalog.actions.size() ? m.catalog.actions[a].name.in(lang) : "?";
}

std::string health_word(Health h, bool not_up, Lang lang) {
  if (not_up) return lang == Lang::zh ? "不正常" : "not up";
  switch (h) {
    case Health::up: return lang == Lang::zh ? "正常" : "up";
    case Health::degraded: return lang == Lang::zh ? "降级" : "degraded";
    case Health::down: return lang == Lang::zh ? "中断" : "down";
  }
  return "";
}

}  // namespace

std::string describe_duration(SimTime s, Lang lang) {
  const bool zh = lang == Lang::zh;
  std::string out;
  if (s >= 86400 && s % 86400 == 0) return fmt::format(fmt::runtime(zh ? "{}天" : "{} d"), s / 86400);
  if (s >= 3600) {
    out = fmt::format(fmt::runtime(zh ? "{}小时" : "{} h"), s / 3600);
    s %= 3600;
    if (s == 0) return out;
    out += zh ? "" : " ";
  }
  if (s % 60 == 0) return out + fmt::format(fmt::runtime(zh ? "{}分钟" : "{} min"), s / 60);
  if (s >= 60) out += fmt::format(fmt::runtime(zh ? "{}分" : "{} min "), s / 60);
  return out + fmt::format(fmt::runtime(zh ? "{}秒" : "{} s"), s % 60);
}

std::string describe_posts(const Model& m, const std::vector<Ix>& posts, Lang lang) {
  std::vector<std::string> names;
  for (Ix p : posts) names.push_back(p < m.organisation.posts.size() ? m.organisation.posts[p].name.in(lang) : "?");
  return join(names, lang == Lang::zh ? "、" : ", ");
}

std::string describe_condition(const Model& m, const Condition& c, Lang lang) {
  const bool zh = lang == Lang::zh;
  auto children = [&](const char* sep) {
    std::vector<std::string> parts;
    for (const auto& child : c.children) parts.push_back(describe_condition(m, child, lang));
    return "（" + join(parts, sep) + "）";
  };
  switch (c.kind) {
    case Condition::Kind::always: return zh ? "总是" : "always";
    case Condition::Kind::all: return children(zh ? " 且 " : " and ");
    case Condition::Kind::any: return children(zh ? " 或 " : " or ");
    case Condition::Kind::negate:
      return (zh ? "非" : "not ") + (c.children.empty() ? std::string() : describe_condition(m, c.children[0], lang));
    case Condition::Kind::health:
      return fmt::format(fmt::runtime(zh ? "{}{}" : "{} is {}"), component_name(m, c.component, lang),
                         health_word(c.health, c.not_up, lang));
    case Condition::Kind::fault: {
      std::string what = c.ref < m.platform.fault_types.size() ? m.platform.fault_types[c.ref].name.in(lang)
                                                              : (zh ? "任一故障" : "any fault");
      std::string where = c.component == no_ix ? (zh ? "任一组件" : "any component") : component_name(m, c.component, lang);
      return fmt::format(fmt::runtime(zh ? "{}发生{}" : "{} on {}"), zh ? where : what, zh ? what : where);
    }
    case Condition::Kind::fact:
      return c.ref < m.catalog.facts.size() ? m.catalog.facts[c.ref].name.in(lang) : "?";
    case Condition::Kind::done: {
      std::string who = c.post == no_ix ? "" : describe_posts(m, {c.post}, lang);
      return fmt::format(fmt::runtime(zh ? "{}已完成“{}”" : "{}done: {}"), zh ? who : (who.empty() ? "" : who + " has "),
                         action_name(m, c.ref, lang));
    }
    case Condition::Kind::not_done_by:
      return fmt::format(fmt::runtime(zh ? "开始后{}仍未完成“{}”" : "“{1}” not done {0} after the start"),
                         describe_duration(c.time, lang), action_name(m, c.ref, lang));
    case Condition::Kind::observed:
      return fmt::format(fmt::runtime(zh ? "“{}”的结果为 {}" : "“{}” found {}"), action_name(m, c.ref, lang), c.text);
    case Condition::Kind::message: {
      for (const auto& comp : m.platform.components)
        for (const auto& s : comp.symptoms)
          if (s.id == c.text)
            return fmt::format(fmt::runtime(zh ? "收到“{}”" : "message “{}” received"), s.text.in(lang));
      return fmt::format(fmt::runtime(zh ? "收到消息 {}" : "message {} received"), c.text);
    }
    case Condition::Kind::temp_above:
      return fmt::format(fmt::runtime(zh ? "{}温度高于{} °C" : "{} above {} °C"), component_name(m, c.component, lang),
                         c.value);
    case Condition::Kind::outage_over: {
      std::string what = c.component != no_ix ? component_name(m, c.component, lang)
                                              : fmt::format(fmt::runtime(zh ? "标记为 {} 的系统" : "a system tagged {}"), c.text);
      return fmt::format(fmt::runtime(zh ? "{}中断超过{}" : "{} down longer than {}"), what,
                         describe_duration(c.time, lang));
    }
    case Condition::Kind::business:
      return fmt::format(fmt::runtime(zh ? "业务 {} 状态为 {}" : "business {} is {}"), c.text,
                         business_state_name(c.business));
    case Condition::Kind::after:
      return fmt::format(fmt::runtime(zh ? "开始后{}" : "{} after the start"), describe_duration(c.time, lang));
    case Condition::Kind::off:
      return fmt::format(fmt::runtime(zh ? "{}已关闭（{}）" : "{} is off ({})"), component_name(m, c.component, lang),
                         c.text);
    case Condition::Kind::since_done:
      return fmt::format(fmt::runtime(zh ? "完成“{}”后已过{}" : "{1} since “{0}” was done"), action_name(m, c.ref, lang),
                         describe_duration(c.time, lang));
    case Condition::Kind::elapsed:
      return fmt::format(fmt::runtime(zh ? "程序开始后已过{}" : "{} since the procedure started"),
                         describe_duration(c.time, lang));
    case Condition::Kind::fire:
      return fmt::format(fmt::runtime(zh ? "{}起火" : "fire in {}"), component_name(m, c.component, lang));
  }
  return "";
}

}  // namespace drillsim
