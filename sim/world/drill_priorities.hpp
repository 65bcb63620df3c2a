// Event priorities at equal time: the world changes first, then people act, then the calendar judges.
#pragma once

#include <cstdint>

namespace drillsim::prio {
constexpr std::int32_t inject = 10;
constexpr std::int32_t dynamics = 20;
constexpr std::int32_t action = 30;
constexpr std::int32_t symptom = 40;
constexpr std::int32_t business = 50;
constexpr std::int32_t wake = 60;
constexpr std::int32_t end = 1000;
}  // namespace drillsim::prio
