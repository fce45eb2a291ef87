// The policy's label table ([sensitivity.labels]): keys, lookup, and the
// shapes Purview gives label names (label_table.h).
#include "content/label_table.h"

#include <cctype>

namespace nearmiss::content {

std::string_view TrimLabel(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '"')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '"')) s.remove_suffix(1);
  return s;
}

std::string_view DropVersionSuffix(std::string_view name) {
  std::size_t end = name.size();
  while (end > 0 && name[end - 1] >= '0' && name[end - 1] <= '9') --end;
  if (end < name.size() && end > 1 && name[end - 1] == '_') {
    return name.substr(0, end - 1);
  }
  return name;
}

namespace {

// The length of a spaced dash at `i` (" - ", " \u2013 ", " \u2014 "): the
// separator tenants write between a parent and its child in display names
// ("Highly Confidential - All Employees"); 0 when none starts there. A dash
// without blanks ("OFFICIAL-SENSITIVE", "Non-Public") is part of a name.
std::size_t SpacedDash(std::string_view name, std::size_t i) {
  if (name[i] != ' ') return 0;
  std::string_view rest = name.substr(i + 1);
  for (std::string_view dash : {"-", "\u2013", "\u2014"}) {
    if (rest.substr(0, dash.size()) == dash && rest.size() > dash.size() &&
        rest[dash.size()] == ' ') {
      return dash.size() + 2;
    }
  }
  return 0;
}

}  // namespace

std::vector<std::string_view> SplitSublabel(std::string_view name) {
  std::vector<std::string_view> parts;
  auto push = [&](std::string_view part) {
    part = TrimLabel(part);
    if (!part.empty()) parts.push_back(part);
  };
  // A trailing "(Encrypted)" qualifies the label before it, as a child does.
  std::string_view qualifier;
  if (name.size() > 2 && name.back() == ')') {
    std::size_t open = name.rfind('(');
    if (open != std::string_view::npos && open > 0) {
      qualifier = name.substr(open + 1, name.size() - open - 2);
      name = name.substr(0, open);
    }
  }
  std::size_t start = 0;
  for (std::size_t i = 0; i < name.size(); ++i) {
    bool slash = name[i] == '/' && (i == 0 || name[i - 1] != '/') &&
                 (i + 1 == name.size() || name[i + 1] != '/');
    std::size_t dash = SpacedDash(name, i);
    if (name[i] != '\\' && !slash && dash == 0) continue;
    push(name.substr(start, i - start));
    start = i + (dash == 0 ? 1 : dash);
    if (dash != 0) i = start - 1;
  }
  push(name.substr(start));
  push(qualifier);
  return parts;
}

std::string LabelKey(std::string_view name) {
  name = DropVersionSuffix(TrimLabel(name));
  // A label id written as LabelInfo.xml and PowerShell show it, in braces
  // ("{6c3a2f1e-...}"), is the id msip_labels writes bare.
  if (name.size() > 2 && name.front() == '{' && name.back() == '}') {
    name = name.substr(1, name.size() - 2);
  }
  std::string key;
  bool gap = false;
  for (char c : name) {
    if (c == '_' || c == '-' || c == ' ' || c == '\t') {
      gap = !key.empty();
      continue;
    }
    if (gap) key.push_back(' ');
    gap = false;
    key.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return key;
}

Status AddLabelTable(const std::vector<LabelLevel>& labels, Scanner::Rep* rep) {
  for (const LabelLevel& l : labels) {
    std::string key = LabelKey(l.name);
    if (key.empty()) {
      return Status::InvalidArgument(l.origin + ": empty label name");
    }
    // The policy reader refuses these already (sensitivity_section.cc);
    // options built another way get the same refusal.
    for (const LabelEntry& e : rep->labels) {
      if (e.key == key) {
        return Status::InvalidArgument(l.origin + ": label '" + l.name +
                                       "' names the same label as the entry at " + e.origin +
                                       " (names compare without case, '_', '-' and blanks "
                                       "alike, a _0 version suffix dropped): keep one");
      }
    }
    rep->labels.push_back(LabelEntry{std::move(key), l.level, l.origin});
  }
  return Status::Ok();
}

const LabelEntry* FindLabel(const Scanner::Rep& rep, std::string_view name) {
  std::string key = LabelKey(name);
  for (const LabelEntry& e : rep.labels) {
    if (e.key == key) return &e;
  }
  return nullptr;
}

std::string_view FindGuid(std::string_view s) {
  // 8-4-4-4-12 hex digits (RFC 9562 section 4 string form).
  constexpr std::string_view kShape = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";
  for (std::size_t i = 0; i + kShape.size() <= s.size(); ++i) {
    std::size_t n = 0;
    while (n < kShape.size() &&
           (kShape[n] == '-' ? s[i + n] == '-'
                             : std::isxdigit(static_cast<unsigned char>(s[i + n])) != 0)) {
      ++n;
    }
    if (n == kShape.size()) return s.substr(i, n);
  }
  return {};
}

PlacedLabel PlaceByTable(const Scanner::Rep& rep, std::string_view label) {
  label = TrimLabel(label);
  if (const LabelEntry* e = FindLabel(rep, label)) return {e, label};
  std::vector<std::string_view> parts = SplitSublabel(label);
  if (parts.size() < 2) return {};
  // A sublabel is at least as sensitive as its parent ("TOP SECRET\Internal
  // Only" is TOP SECRET): the highest level among the parts the table knows.
  PlacedLabel best;
  for (std::string_view part : parts) {
    const LabelEntry* e = FindLabel(rep, part);
    if (e != nullptr && (best.entry == nullptr || e->level > best.entry->level)) {
      best = {e, part};
    }
  }
  return best;
}

}  // namespace nearmiss::content
