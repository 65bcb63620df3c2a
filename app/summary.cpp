// The closing summary: business outcomes, downtime, true level, data loss.
#include "app/summary.hpp"

#include <fmt/format.h>

#include "sim/world/outcomes.hpp"

namespace drillsim::app {
namespace {
const char* state_text(BusinessState s, bool zh) {
  switch (s) {
    case BusinessState::pending: return zh ? "未到时间" : "not yet due";
    case BusinessState::held: return zh ? "按时进行" : "held on time";
    case BusinessState::held_fallback: return zh ? "按备用方案进行" : "held by the fallback";
    case BusinessState::delayed: return zh ? "延迟进行" : "held late";
    case BusinessState::missed: return zh ? "未能进行" : "missed";
  }
  return "";
}
}  // namespace

std::string summary_text(const Drill& drill, Lang lang) {
  const bool zh = lang == Lang::zh;
  const Model& m = drill.model();
  Outcomes o = outcomes_of(drill);
  std::string out = zh ? "== 演练结果 ==\n" : "== Outcome ==\n";
  for (const auto& b : o.business) {
    const BusinessEvent& ev = m.scenario.calendar[b.event];
    out += fmt::format("  {}: {}", ev.name.in(lang), state_text(b.state, zh));
    if (b.delay > 0) out += fmt::format(fmt::runtime(zh ? "（延迟{}分钟）" : " ({} min late)"), b.delay / 60);
    out += '\n';
  }
  for (const auto& [c, d] : o.downtime)
    out += fmt::format(fmt::runtime(zh ? "  {} 中断 {}分钟\n" : "  {} down {} min\n"), m.platform.components[c].name.in(lang), d / 60);
  if (o.level != no_ix)
    out += fmt::format(fmt::runtime(zh ? "  实际事件级别：{}\n" : "  True level reached: {}\n"), m.plan.levels[o.level].name.in(lang));
  if (o.data_lost) out += zh ? "  数据丢失\n" : "  Data lost\n";
  out += fmt::format(fmt::runtime(zh ? "  动作 {} 个，被拒绝 {} 个\n" : "  {} actions, {} refused\n"), o.actions, o.rejected);
  return out;
}

}  // namespace drillsim::app
