// The MSEL as table rows: a scenario's injects read into rows and written back as injects.
#include "authoring/msel.hpp"

#include <array>

#include "authoring/flow_yaml.hpp"

namespace drillsim::authoring {

namespace {

// A text node, in quotes when flow YAML needs them (the files write most texts inside { }).
DocNode text(const std::string& value) { return DocNode::text(value, needs_flow_quotes(value)); }

enum Column : std::size_t {
  c_id, c_at, c_when, c_kind, c_target, c_detail, c_from_zh, c_from_en, c_text_zh, c_text_en,
  c_expect_zh, c_expect_en, c_note_zh, c_note_en, c_objective, column_count
};

constexpr std::array<const char*, 8> payload_keys = {"fault", "clear", "message", "absent",
                                                     "late",  "fire",  "load",    "fact"};

// A scalar, or a map or list written inline.
std::string cell_of(const DocNode& node) { return node.is_scalar() ? node.value : flow_text(node); }

Text text_of(const DocNode* node) {
  Text t;
  if (!node) return t;
  if (node->is_scalar()) {
    t.zh = node->value;
  } else if (node->is_map()) {
    t.zh = node->get("zh");
    t.en = node->get("en");
  }
  return t;
}

// A TEXT as the files write it: plain when there is only Chinese, else {zh, en}.
DocNode text_node(const Text& t) {
  if (t.en.empty()) return text(t.zh);
  DocNode m = DocNode::map(true);
  if (!t.zh.empty()) m.set("zh", text(t.zh));
  m.set("en", text(t.en));
  return m;
}

// A cell that may hold flow YAML (a distribution) or a plain value (a time or a duration).
DocNode value_node(const std::string& cell) {
  if (looks_like_flow(cell)) {
    DocNode node;
    std::string error;
    int column = 0;
    if (parse_flow(cell, node, error, column)) return node;
  }
  // Times with ':' or ' ' stay texts in quotes ("09:50" is not read as anything else).
  const bool quoted = cell.find_first_of(": ") != std::string::npos || needs_flow_quotes(cell);
  return DocNode::text(cell, quoted);
}

DocNode condition_node(const std::string& cell) {
  DocNode node;
  std::string error;
  int column = 0;
  if (parse_flow(cell, node, error, column)) return node;
  return DocNode::text(cell, true);  // the loader says what is wrong with it
}

DocNode pair_map(const char* k1, const std::string& v1, const char* k2, const std::string& v2, bool v2_flow_value) {
  DocNode m = DocNode::map(true);
  m.set(k1, text(v1));
  if (!v2.empty()) m.set(k2, v2_flow_value ? value_node(v2) : text(v2));
  return m;
}

}  // namespace

const std::vector<std::string>& msel_columns() {
  static const std::vector<std::string> columns = {
      "id",      "at",      "when",      "kind",      "target",  "detail",  "from_zh",  "from_en",
      "text_zh", "text_en", "expect_zh", "expect_en", "note_zh", "note_en", "objective"};
  return columns;
}

std::string& msel_field(MselRow& row, std::size_t column) {
  switch (column) {
    case c_id: return row.id;
    case c_at: return row.at;
    case c_when: return row.when;
    case c_kind: return row.kind;
    case c_target: return row.target;
    case c_detail: return row.detail;
    case c_from_zh: return row.from.zh;
    case c_from_en: return row.from.en;
    case c_text_zh: return row.text.zh;
    case c_text_en: return row.text.en;
    case c_expect_zh: return row.expect.zh;
    case c_expect_en: return row.expect.en;
    case c_note_zh: return row.note.zh;
    case c_note_en: return row.note.en;
    default: return row.objective;
  }
}

const std::string& msel_field(const MselRow& row, std::size_t column) {
  return msel_field(const_cast<MselRow&>(row), column);
}

bool operator==(const MselRow& a, const MselRow& b) {
  for (std::size_t c = 0; c < column_count; ++c)
    if (msel_field(a, c) != msel_field(b, c)) return false;
  return true;
}

MselRow row_of(const DocNode& inject) {
  MselRow row;
  row.id = inject.get("id");
  if (const DocNode* at = inject.find("at")) row.at = cell_of(*at);
  if (const DocNode* when = inject.find("when")) row.when = flow_text(*when);
  const DocNode* payload = nullptr;
  for (std::size_t i = 0; i < inject.keys.size() && !payload; ++i)
    for (const char* key : payload_keys)
      if (inject.keys[i] == key) {
        row.kind = key;
        payload = &inject.items[i];
        break;
      }
  if (payload) {
    const std::string& kind = row.kind;
    if (kind == "fault" || kind == "clear") {
      row.target = payload->get("component");
      row.detail = payload->get("type");
    } else if (kind == "message") {
      row.from = text_of(payload->find("from"));
      row.target = payload->get("to");
      row.text = text_of(payload->find("text"));
    } else if (kind == "late") {
      row.target = payload->get("person");
      if (const DocNode* by = payload->find("by")) row.detail = cell_of(*by);
    } else if (kind == "load") {
      row.target = payload->get("component");
      row.detail = payload->get("amount");
    } else if (payload->is_scalar()) {  // absent, fire, fact
      row.target = payload->value;
    }
  }
  row.note = text_of(inject.find("note"));
  row.expect = text_of(inject.find("expect"));
  row.objective = inject.get("objective");
  return row;
}

DocNode inject_of(const MselRow& row) {
  DocNode n = DocNode::map();
  n.set("id", text(row.id));
  if (!row.at.empty()) n.set("at", value_node(row.at));
  if (!row.when.empty()) n.set("when", condition_node(row.when));
  const std::string& kind = row.kind;
  if (kind == "fault" || kind == "clear") {
    n.set(kind, pair_map("component", row.target, "type", row.detail, false));
  } else if (kind == "message") {
    DocNode m = DocNode::map();
    if (!row.from.empty()) m.set("from", text_node(row.from));
    m.set("to", text(row.target));
    m.set("text", text_node(row.text));
    n.set("message", std::move(m));
  } else if (kind == "late") {
    n.set("late", pair_map("person", row.target, "by", row.detail, true));
  } else if (kind == "load") {
    n.set("load", pair_map("component", row.target, "amount", row.detail, false));
  } else if (!kind.empty()) {  // absent, fire, fact (an unknown kind is refused by the loader)
    n.set(kind, text(row.target));
  }
  if (!row.note.empty()) n.set("note", text_node(row.note));
  if (!row.expect.empty()) n.set("expect", text_node(row.expect));
  if (!row.objective.empty()) n.set("objective", text(row.objective));
  return n;
}

std::vector<MselRow> msel_rows(const Document& scenario) {
  std::vector<MselRow> rows;
  const DocNode* body = scenario.body();
  const DocNode* injects = body ? body->find("injects") : nullptr;
  if (!injects || !injects->is_sequence()) return rows;
  rows.reserve(injects->items.size());
  for (const DocNode& inject : injects->items) rows.push_back(row_of(inject));
  return rows;
}

void set_msel_rows(Document& scenario, const std::vector<MselRow>& rows) {
  DocNode* body = scenario.body();
  if (!body) return;
  DocNode* old = body->find("injects");
  DocNode list = DocNode::list(rows.empty());
  for (const MselRow& row : rows) {
    // An inject the row does not change is kept as it was written.
    const DocNode* kept = nullptr;
    if (old && old->is_sequence())
      for (const DocNode& inject : old->items)
        if (inject.get("id") == row.id && row_of(inject) == row) {
          kept = &inject;
          break;
        }
    if (kept) {
      list.items.push_back(*kept);
      continue;
    }
    DocNode fresh = inject_of(row);
    // A changed inject keeps the comments written above it and above its fields.
    if (old && old->is_sequence())
      for (const DocNode& inject : old->items)
        if (inject.get("id") == row.id) {
          fresh.comment = inject.comment;
          for (std::size_t k = 0; k < fresh.keys.size(); ++k)
            if (const DocNode* field = inject.find(fresh.keys[k])) fresh.items[k].comment = field->comment;
          break;
        }
    list.items.push_back(std::move(fresh));
  }
  if (old) {
    *old = std::move(list);
    return;
  }
  // A new injects list goes before the objectives, where the format documents it.
  for (std::size_t i = 0; i < body->keys.size(); ++i)
    if (body->keys[i] == "objectives") {
      body->keys.insert(body->keys.begin() + static_cast<std::ptrdiff_t>(i), "injects");
      body->items.insert(body->items.begin() + static_cast<std::ptrdiff_t>(i), std::move(list));
      return;
    }
  body->set("injects", std::move(list));
}

DocPath msel_field_path(std::size_t row, std::size_t column, const MselRow& r) {
  const DocPath inject = "scenario.injects[" + std::to_string(row) + "]";
  auto text_path = [&](const DocPath& base, const Text& t, bool en) -> DocPath {
    if (t.en.empty() && !en) return base;  // written plain
    return base + (en ? ".en" : ".zh");
  };
  const std::string& kind = r.kind;
  const DocPath payload = inject + "." + kind;
  switch (column) {
    case c_id: return inject + ".id";
    case c_at: return inject + ".at";
    case c_when: return inject + ".when";
    case c_kind: return kind.empty() ? inject : payload;
    case c_target:
      if (kind == "fault" || kind == "clear" || kind == "load") return payload + ".component";
      if (kind == "message") return payload + ".to";
      if (kind == "late") return payload + ".person";
      return kind.empty() ? inject : payload;
    case c_detail:
      if (kind == "fault" || kind == "clear") return payload + ".type";
      if (kind == "late") return payload + ".by";
      if (kind == "load") return payload + ".amount";
      return inject;
    case c_from_zh:
    case c_from_en:
      return kind == "message" ? text_path(payload + ".from", r.from, column == c_from_en) : inject;
    case c_text_zh:
    case c_text_en:
      return kind == "message" ? text_path(payload + ".text", r.text, column == c_text_en) : inject;
    case c_expect_zh:
    case c_expect_en: return text_path(inject + ".expect", r.expect, column == c_expect_en);
    case c_note_zh:
    case c_note_en: return text_path(inject + ".note", r.note, column == c_note_en);
    case c_objective: return inject + ".objective";
    default: return inject;
  }
}

}  // namespace drillsim::authoring
