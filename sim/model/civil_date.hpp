// Civil dates and days since 1970-01-01 (Howard Hinnant's algorithms): scenario clocks have no time zone.
#pragma once

#include <cstdint>
#include <string>

namespace drillsim {

std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day);
void civil_from_days(std::int64_t days, std::int64_t& year, unsigned& month, unsigned& day);
// "YYYY-MM-DD" of a day number.
std::string date_of_days(std::int64_t days);

}  // namespace drillsim
