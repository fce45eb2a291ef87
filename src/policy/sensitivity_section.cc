// [sensitivity] and [[sensitivity.pattern]]: which marking packs and
// detectors are on, and the policy's own keywords and patterns.
#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "content/label_key.h"
#include "policy/sections.h"

namespace nearmiss::policy {
namespace {

const std::vector<std::string>& DetectorNames() {
  static const std::vector<std::string> kNames = {"payment-card", "uk-nino", "us-ssn", "iban",
                                                   "nhs-number"};
  return kNames;
}

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// detector_level as a table: each detector's own level, by its name; the
// detectors not named keep OFFICIAL-SENSITIVE. A name or level nothing
// knows is an error at its line.
void ReadDetectorLevels(Context& ctx, const toml::table& table,
                        content::DetectorOptions& detectors) {
  for (const auto& [key, value] : table) {
    const std::string name(key.str());
    if (std::find(DetectorNames().begin(), DetectorNames().end(), name) ==
        DetectorNames().end()) {
      std::optional<std::string> near = Closest(name, DetectorNames());
      ctx.Error(key.source(), "unknown detector '" + name + "' in 'detector_level'",
                near ? "did you mean '" + *near + "'?" : "detectors: " + Join(DetectorNames()));
      continue;
    }
    std::optional<std::string> text = value.value<std::string>();
    std::optional<content::Level> level;
    if (text) level = content::ParseLevel(*text);
    if (!level) {
      ctx.Error(value.source(),
                "detector '" + name + "': " +
                    (text ? "unknown sensitivity level '" + *text + "'"
                          : std::string("the level must be a string")),
                "levels: none, OFFICIAL, OFFICIAL-SENSITIVE, SECRET, TOP SECRET, unknown-label");
      continue;
    }
    detectors.levels[name] = *level;
  }
}

void ReadPattern(Context& ctx, const toml::table& t, const toml::source_region& at,
                 Policy& policy) {
  CheckKeys(ctx, t, "sensitivity.pattern");
  std::optional<std::string> name = GetString(ctx, t, "name");
  if (!name || name->empty()) {
    if (!t.contains("name")) {
      ctx.Error(at, "a [[sensitivity.pattern]] needs a 'name'",
                "the name is reported as the marking found: name = \"project-kestrel\"");
    }
    name = "custom";
  }
  content::CustomPattern base;
  base.name = *name;
  if (auto level = GetLevel(ctx, t, "level")) base.level = *level;
  if (auto b = GetBool(ctx, t, "case_sensitive")) base.case_sensitive = *b;
  if (auto b = GetBool(ctx, t, "whole_word")) base.whole_word = *b;
  auto add = [&](std::string text, bool is_regex, std::string origin) {
    content::CustomPattern p = base;
    p.pattern = std::move(text);
    p.is_regex = is_regex;
    p.origin = std::move(origin);
    policy.sensitivity.patterns.push_back(std::move(p));
  };
  if (auto keywords = GetStrings(ctx, t, "keywords")) {
    for (Located& k : *keywords) {
      if (k.value.empty()) {
        ctx.Error(k.at, "empty keyword in '" + *name + "'", "remove the empty string");
        continue;
      }
      add(std::move(k.value), false, ctx.Where(k.at));
    }
  }
  if (const toml::node* file = t.get("keywords_file")) {
    if (auto path = GetString(ctx, t, "keywords_file")) {
      if (auto lines = ReadListFile(ctx, {*path, file->source()})) {
        for (ListLine& line : *lines) add(std::move(line.text), false, line.where);
      }
    }
  }
  if (const toml::node* regex = t.get("regex")) {
    if (auto text = GetString(ctx, t, "regex")) {
      if (text->empty()) {
        ctx.Error(regex->source(), "empty 'regex' in '" + *name + "'",
                  "an empty pattern would match everywhere");
      } else {
        add(std::move(*text), true, ctx.Where(regex->source()));
      }
    }
  }
  bool has_source = t.contains("keywords") || t.contains("keywords_file") || t.contains("regex");
  if (!has_source) {
    ctx.Error(at, "pattern '" + *name + "' has no 'keywords', 'keywords_file' or 'regex'",
              "add keywords = [\"...\"] or regex = \"...\"");
  }
}

// [sensitivity.labels]: "Label name" = "LEVEL". A label name is anything a
// tenant calls a label, so the keys are not checked against the key table.
void ReadLabels(Context& ctx, const toml::node& node, Policy& policy) {
  const toml::table* table = node.as_table();
  if (table == nullptr) {
    ctx.Error(node.source(), "'labels' must be a table of label names and levels",
              "write [sensitivity.labels] and lines like \"Secret_0\" = \"SECRET\"");
    return;
  }
  struct Entry {
    std::string_view name;
    content::Level level;
    toml::source_region at;
  };
  std::vector<Entry> entries;
  for (const auto& [key, value] : *table) {
    std::optional<std::string> name = value.value<std::string>();
    std::optional<content::Level> level;
    if (name) level = content::ParseLevel(*name);
    if (!level) {
      ctx.Error(value.source(),
                "label '" + std::string(key.str()) + "': " +
                    (name ? "unknown sensitivity level '" + *name + "'"
                          : std::string("the level must be a string")),
                "levels: none, OFFICIAL, OFFICIAL-SENSITIVE, SECRET, TOP SECRET, unknown-label");
      continue;
    }
    if (key.str().find_first_not_of(" _-\t") == std::string_view::npos) {
      ctx.Error(key.source(), "empty label name in [sensitivity.labels]",
                "name the label as the tenant writes it: \"Secret_0\" = \"SECRET\"");
      continue;
    }
    entries.push_back({key.str(), *level, key.source()});
  }
  // toml++ keeps a table's keys in byte order; the file's order is line
  // order, so the entry written first is the one named as first.
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return a.at.begin.line < b.at.begin.line ||
           (a.at.begin.line == b.at.begin.line && a.at.begin.column < b.at.begin.column);
  });
  // Two names that fold to one label ("Team Internal", "team_internal_0")
  // at two levels let the table's byte order pick the level (issue 13,
  // breaker round 32 D4): refused, naming both lines, whatever the levels.
  std::map<std::string, const Entry*> first;
  for (const Entry& e : entries) {
    auto [it, fresh] = first.try_emplace(content::LabelKey(e.name), &e);
    if (!fresh) {
      ctx.Error(e.at,
                "label '" + std::string(e.name) + "' names the same label as '" +
                    std::string(it->second->name) + "' at " + ctx.Where(it->second->at) +
                    " (names compare without case, with '_', '-' and blanks alike and a "
                    "_0 version suffix dropped)",
                "keep one entry for the label, with the level it should have");
      continue;
    }
    policy.sensitivity.labels.push_back({std::string(e.name), e.level, ctx.Where(e.at)});
  }
}

}  // namespace

void ReadSensitivitySection(Context& ctx, const toml::table& t, Policy& policy) {
  CheckKeys(ctx, t, "sensitivity");
  SensitivityPolicy& s = policy.sensitivity;
  if (auto packs = GetStrings(ctx, t, "packs")) {
    s.packs.clear();
    const std::vector<std::string>& known = BuiltinPackNames();
    for (const Located& p : *packs) {
      if (std::find(known.begin(), known.end(), p.value) == known.end()) {
        std::optional<std::string> near = Closest(p.value, known);
        ctx.Error(p.at, "unknown marking pack '" + p.value + "'",
                  near ? "did you mean '" + *near + "'?" : "built-in packs: " + Join(known));
        continue;
      }
      s.packs.push_back(p.value);
    }
  }
  if (auto files = GetStrings(ctx, t, "pack_files")) {
    for (const Located& f : *files) s.pack_files.push_back(ctx.Resolve(f.value));
  }
  if (auto detectors = GetStrings(ctx, t, "detectors")) {
    s.detectors.payment_cards = s.detectors.uk_nino = s.detectors.us_ssn = s.detectors.iban =
        s.detectors.nhs_number = false;
    for (const Located& d : *detectors) {
      if (d.value == "payment-card") {
        s.detectors.payment_cards = true;
      } else if (d.value == "uk-nino") {
        s.detectors.uk_nino = true;
      } else if (d.value == "us-ssn") {
        s.detectors.us_ssn = true;
      } else if (d.value == "iban") {
        s.detectors.iban = true;
      } else if (d.value == "nhs-number") {
        s.detectors.nhs_number = true;
      } else {
        std::optional<std::string> near = Closest(d.value, DetectorNames());
        ctx.Error(d.at, "unknown detector '" + d.value + "'",
                  near ? "did you mean '" + *near + "'?" : "detectors: " + Join(DetectorNames()));
      }
    }
  }
  if (const toml::node* level = t.get("detector_level")) {
    if (level->is_table()) {
      ReadDetectorLevels(ctx, *level->as_table(), s.detectors);
    } else if (auto all = GetLevel(ctx, t, "detector_level")) {
      s.detectors.level = *all;
    }
  }
  if (const toml::node* dir = t.get("cache_dir")) {
    if (auto path = GetString(ctx, t, "cache_dir")) {
      if (path->empty()) {
        ctx.Error(dir->source(), "empty 'cache_dir'",
                  "leave it out for the default location, or write cache_dir = \"none\"");
      } else {
        s.cache_dir = *path == "none" ? "none" : ctx.Resolve(*path);
      }
    }
  }
  if (const toml::node* labels = t.get("labels")) ReadLabels(ctx, *labels, policy);
  if (const toml::node* patterns = t.get("pattern")) {
    const toml::array* array = patterns->as_array();
    if (array == nullptr || !array->is_array_of_tables()) {
      ctx.Error(patterns->source(), "'pattern' must be written as [[sensitivity.pattern]] tables",
                "start each pattern with a [[sensitivity.pattern]] line");
      return;
    }
    for (const toml::node& element : *array) {
      ReadPattern(ctx, *element.as_table(), element.source(), policy);
    }
  }
}

}  // namespace nearmiss::policy
