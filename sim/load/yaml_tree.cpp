// Reading a YAML file safely into a YNode tree: size limit, text checks, yaml-cpp's event parser
// (never its Node API, which would expand aliases), duplicate keys, anchors and aliases refused.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include "sim/load/yaml_tree_internal.hpp"

namespace drillsim::load_detail {

const YNode* YNode::find(std::string_view key) const {
  if (kind != Kind::map) return nullptr;
  for (std::size_t i = 0; i < keys.size(); ++i)
    if (keys[i].value == key) return &items[i];
  return nullptr;
}

const char* kind_name(const YNode& node) {
  switch (node.kind) {
    case YNode::Kind::null:
      return "nothing";
    case YNode::Kind::scalar:
      return "a single value";
    case YNode::Kind::sequence:
      return "a list";
    case YNode::Kind::map:
      return "a map";
  }
  return "?";
}

namespace {

// Builds the tree from yaml-cpp's events. Never throws; problems go to `out`.
class TreeBuilder final : public YAML::EventHandler {
 public:
  TreeBuilder(std::string_view text, const std::string& file, Diagnostics& out)
      : text_(text), lines_(text), file_(file), out_(out) {}

  std::optional<YNode> root;
  int documents = 0;
  bool failed = false;

  void OnDocumentStart(const YAML::Mark& mark) override {
    ++documents;
    if (documents == 2) error(mark, "a second YAML document (---): a file holds one document only");
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { add(make(mark, YNode::Kind::null)); }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    error(mark, "aliases (*name) are not allowed: write the value out in full");
    add(make(mark, YNode::Kind::null));
  }

  void OnAnchor(const YAML::Mark& mark, const std::string& name) override {
    error(mark, fmt::format("anchors (&{}) are not allowed: write each value out in full", name));
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t, const std::string& value) override {
    YNode node = make(mark, YNode::Kind::scalar);
    node.value = value;
    node.quoted = tag == "!";
    std::size_t bad = 0;
    if (!valid_utf8(value, bad)) error(mark, "invalid UTF-8 in this value");
    add(std::move(node));
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value style) override {
    YNode node = make(mark, YNode::Kind::sequence);
    node.flow = style == YAML::EmitterStyle::Flow;
    open(std::move(node), mark);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value style) override {
    YNode node = make(mark, YNode::Kind::map);
    node.flow = style == YAML::EmitterStyle::Flow;
    open(std::move(node), mark);
  }
  void OnMapEnd() override {
    if (stack_.empty()) return;
    YNode& map = stack_.back();
    // Children arrived as key, value, key, value ...: split them and check the keys.
    std::vector<YNode> flat = std::move(map.items);
    map.items.clear();
    std::unordered_map<std::string, int> seen;
    for (std::size_t i = 0; i + 1 < flat.size(); i += 2) {
      YNode& key = flat[i];
      YNode& value = flat[i + 1];
      if (!key.is_scalar()) {
        error_at(key.line, key.column, "a key must be a plain name, not " + std::string(kind_name(key)));
        continue;
      }
      auto [it, fresh] = seen.emplace(key.value, key.line);
      if (!fresh) {
        error_at(key.line, key.column,
                 fmt::format("'{}' is given twice in this map (first on line {})", key.value, it->second));
        continue;
      }
      // An empty value ("key:") is reported where the key is, not where the next line starts.
      if (value.is_null()) {
        value.line = key.line;
        value.column = key.column;
      }
      map.keys.push_back(std::move(key));
      map.items.push_back(std::move(value));
    }
    close();
  }

  bool too_deep() const { return too_deep_; }

  void error(const YAML::Mark& mark, std::string message) {
    int line = 0, column = 0;
    locate(mark, line, column);
    error_at(line, column, std::move(message));
  }

 private:
  std::string_view text_;
  LineIndex lines_;
  const std::string& file_;
  Diagnostics& out_;
  std::vector<YNode> stack_;
  bool too_deep_ = false;

  void locate(const YAML::Mark& mark, int& line, int& column) const {
    // yaml-cpp counts bytes from after a byte-order mark.
    const std::size_t bom = text_.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    if (mark.pos >= 0 && static_cast<std::size_t>(mark.pos) + bom <= text_.size()) {
      lines_.position_of(static_cast<std::size_t>(mark.pos) + bom, line, column);
    } else {
      line = mark.line + 1;
      column = mark.column + 1;
    }
  }

  void error_at(int line, int column, std::string message) {
    failed = true;
    if (out_.size() < 1000)
      out_.push_back({file_, line, column, std::move(message)});
    else if (out_.size() == 1000)
      out_.push_back({file_, 0, 0, "too many problems: only the first 1000 are listed"});
  }

  YNode make(const YAML::Mark& mark, YNode::Kind kind) const {
    YNode node;
    node.kind = kind;
    locate(mark, node.line, node.column);
    return node;
  }

  void open(YNode node, const YAML::Mark& mark) {
    if (static_cast<int>(stack_.size()) >= max_nesting && !too_deep_) {
      too_deep_ = true;
      error(mark, fmt::format("nesting deeper than {} levels; the file is refused", max_nesting));
    }
    stack_.push_back(std::move(node));
  }

  void close() {
    if (stack_.empty()) return;
    YNode node = std::move(stack_.back());
    stack_.pop_back();
    add(std::move(node));
  }

  void add(YNode node) {
    if (!stack_.empty()) {
      stack_.back().items.push_back(std::move(node));
    } else if (documents <= 1) {
      root = std::move(node);
    }
  }
};

}  // namespace

std::optional<YNode> parse_yaml_text(std::string_view text, const std::string& shown_name, Diagnostics& out) {
  if (text.size() > max_file_bytes) {
    out.push_back({shown_name, 0, 0, fmt::format("file too large ({} bytes; the limit is 4 MiB)", text.size())});
    return std::nullopt;
  }
  if (!check_text(text, shown_name, out)) return std::nullopt;
  TreeBuilder builder(text, shown_name, out);
  try {
    std::istringstream stream{std::string(text)};
    YAML::Parser parser(stream);
    while (builder.documents < 2 && parser.HandleNextDocument(builder)) {
    }
  } catch (const YAML::Exception& e) {
    builder.error(e.mark, "YAML syntax error: " + e.msg);
    return std::nullopt;
  } catch (const std::exception& e) {
    out.push_back({shown_name, 0, 0, std::string("cannot read this file as YAML: ") + e.what()});
    return std::nullopt;
  } catch (...) {
    out.push_back({shown_name, 0, 0, "cannot read this file as YAML"});
    return std::nullopt;
  }
  // After problems the builder reported (duplicate keys, aliases ...) the tree is still whole:
  // it is returned so that the rest of the file is checked too.
  if (builder.too_deep()) return std::nullopt;
  if (!builder.root || builder.root->is_null()) {
    if (builder.failed) return std::nullopt;
    out.push_back(
        {shown_name, 0, 0, "empty file: expected one of organisation:, platform:, catalog:, plan:, scenario:"});
    return std::nullopt;
  }
  return std::move(builder.root);
}

bool read_file_text(const std::string& path, const std::string& shown_name, std::string& text, Diagnostics& out,
                    std::string* open_error) {
  namespace fs = std::filesystem;
  auto fail_open = [&](std::string why) {
    if (open_error)
      *open_error = why;
    else
      out.push_back({shown_name, 0, 0, why});
    return false;
  };
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) return fail_open("no such file");
  if (fs::is_directory(status)) return fail_open("is a directory, not a file");
  if (!fs::is_regular_file(status)) return fail_open("is not a regular file");
  const auto size = fs::file_size(path, ec);
  if (!ec && size > max_file_bytes) {
    out.push_back({shown_name, 0, 0, fmt::format("file too large ({} bytes; the limit is 4 MiB)", size)});
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail_open("cannot open the file");
  // One byte more than expected shows a file that grew past the limit meanwhile.
  text.resize(ec ? max_file_bytes + 1 : static_cast<std::size_t>(size) + 1);
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (in.bad()) return fail_open("cannot read the file");
  return true;
}

std::optional<YNode> read_yaml_file(const std::string& path, const std::string& shown_name, Diagnostics& out,
                                    std::string* open_error) {
  std::string text;
  if (!read_file_text(path, shown_name, text, out, open_error)) return std::nullopt;
  return parse_yaml_text(text, shown_name, out);
}

}  // namespace drillsim::load_detail
