// The MSEL (master scenario events list): a scenario's injects as table rows, for the console's
// table and the spreadsheet. A row holds every inject the format allows; fields a row does not
// use are empty.
#pragma once

#include <string>
#include <vector>

#include "authoring/document.hpp"
#include "sim/model/basics.hpp"

namespace drillsim::authoring {

struct MselRow {
  std::string id;
  std::string at;         // TIME as written ("09:50", "+10m", "2026-06-10 09:50"), or a distribution
                          // in flow YAML ("{dist: uniform, min: 5m, max: 20m}"); empty for a contingency
  std::string when;       // a contingency's condition in flow YAML ("{not_done: {action: x, by: \"10:20\"}}")
  std::string kind;       // fault | clear | message | absent | late | fire | load | fact
  std::string target;     // fault, clear, load: component · fire: room · message: post (to)
                          // · absent, late: person · fact: fact
  std::string detail;     // fault, clear: fault type · late: by (duration or flow distribution)
                          // · load: amount
  Text from;              // message: sender
  Text text;              // message: text
  Text expect;            // the expected response
  Text note;              // for the facilitator
  std::string objective;  // objective id
};
// Every cell the same.
bool operator==(const MselRow& a, const MselRow& b);

// The CSV/table columns, in order, and the key of each in a row (also the column names of the CSV).
// id, at, when, kind, target, detail, from_zh, from_en, text_zh, text_en, expect_zh, expect_en,
// note_zh, note_en, objective
const std::vector<std::string>& msel_columns();
std::string& msel_field(MselRow& row, std::size_t column);
const std::string& msel_field(const MselRow& row, std::size_t column);

// The injects of a scenario document as rows (and back). Converting a row to a node and back
// gives the same row; a scenario's injects written from its rows load to the same model.
MselRow row_of(const DocNode& inject);
DocNode inject_of(const MselRow& row);
std::vector<MselRow> msel_rows(const Document& scenario);
void set_msel_rows(Document& scenario, const std::vector<MselRow>& rows);
// The path of a row's field in the scenario document ("scenario.injects[3].message.text.zh").
DocPath msel_field_path(std::size_t row, std::size_t column, const MselRow& r);

}  // namespace drillsim::authoring
