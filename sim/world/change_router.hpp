// Which of a set of conditions can have changed since they were last asked, finer than by aspect.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "sim/model/model.hpp"
#include "sim/world/condition_aspects.hpp"

namespace drillsim {

class Drill;

// A condition that does not read the clock is a function of the state its leaves read. When those
// leaves are about particular components (`health`, `off`, `fire`, `fault` on a component), fault
// types anywhere (`fault` without a component), indexed messages and actions (`message`, `done`),
// the Drill's logs (component_changes(), fault_changes(), deliveries(), completed_runs()) tell
// exactly when they may have changed; the rest of what it reads (facts, observations, business
// events) is followed by aspect. A condition reading the clock is followed by aspect only, as
// before: its value can change while nothing it reads moves.
//
// ChangeRoutes files a list of conditions by what they read (it depends on the model alone);
// ChangeRouter follows one drill with them.
class ChangeRoutes {
 public:
  ChangeRoutes(const Model& model, const std::vector<const Condition*>& conditions);
  std::size_t size() const { return size_; }

 private:
  friend class ChangeRouter;
  using List = std::vector<std::uint32_t>;
  std::size_t size_ = 0;
  std::vector<List> by_component_, by_fault_, by_message_, by_action_;  // conditions reading each
  List any_fault_;  // conditions reading whether there is a fault anywhere
  std::array<List, static_cast<std::size_t>(Aspect::count)> by_aspect_;  // followed by aspect
};

// At each look, `look()` reads the logs from where the previous look stopped and the aspects moved
// since; `may_have_changed(i)` is then false only when nothing condition `i` reads has changed since
// the previous look, so asking it would give its previous answer. Every condition is reported at the
// first look after restart(), and at a look with `everything`.
class ChangeRouter {
 public:
  static constexpr std::uint32_t everything = ~0u;
  explicit ChangeRouter(const ChangeRoutes& routes) : routes_(&routes), marked_(routes.size(), 0) {}
  void restart();
  void look(const Drill& drill, std::uint32_t moved);
  bool may_have_changed(std::size_t i) const { return marked_[i] == looks_; }

 private:
  const ChangeRoutes* routes_;
  std::vector<std::uint64_t> marked_;  // by condition: the look that last reported it
  std::uint64_t looks_ = 0;
  std::size_t components_seen_ = 0, faults_seen_ = 0, deliveries_seen_ = 0, completions_seen_ = 0;

  void mark(const ChangeRoutes::List& list) {
    for (std::uint32_t i : list) marked_[i] = looks_;
  }
};

}  // namespace drillsim
