#include "content/pack.h"

#include <cctype>
#include <map>
#include <optional>
#include <string>
#include <toml++/toml.h>

#include "base/toml_error.h"
#include "base/toml_text.h"

namespace nearmiss::content {
namespace {

std::string Origin(std::string_view file, const toml::node& node) {
  return std::string(file) + ":" + std::to_string(node.source().begin.line);
}

Status ErrorAt(std::string_view file, const toml::node& node,
               std::string_view what) {
  return Status::ParseError(Origin(file, node) + ": " + std::string(what));
}

Result<MarkingKind> ParseKind(std::string_view s) {
  if (s == "classification") return MarkingKind::kClassification;
  if (s == "banner") return MarkingKind::kBanner;
  if (s == "portion") return MarkingKind::kPortion;
  if (s == "label") return MarkingKind::kLabel;
  return Status::ParseError("unknown kind '" + std::string(s) +
                            "' (classification, banner, portion, label)");
}

// Reads a string array field; a bare string counts as a one-element array.
Result<std::vector<std::string>> StringList(std::string_view file,
                                            const toml::table& t,
                                            std::string_view key) {
  std::vector<std::string> out;
  const toml::node* node = t.get(key);
  if (node == nullptr) return out;
  if (auto s = node->value<std::string>()) {
    out.push_back(*s);
    return out;
  }
  const toml::array* arr = node->as_array();
  if (arr == nullptr) {
    return ErrorAt(file, *node, std::string(key) + " must be a string array");
  }
  for (const toml::node& item : *arr) {
    auto s = item.value<std::string>();
    if (!s) return ErrorAt(file, item, std::string(key) + " holds a non-string");
    out.push_back(*s);
  }
  return out;
}

// A pack's [define] table: named pieces of grammar that regexes use as
// {name}. Values may use earlier or later names; a cycle is an error.
using Defines = std::map<std::string, std::pair<std::string, std::string>,
                         std::less<>>;  // name -> (value, origin)

bool IsNameStart(char c) {
  return std::islower(static_cast<unsigned char>(c)) || c == '_';
}

// Replaces each {name} (a lower-case name: quantifiers such as {2,3} start
// with a digit and are left alone) with (?:value), recursively.
Result<std::string> Expand(std::string_view text, const Defines& defines,
                           std::string_view origin, int depth = 0) {
  if (depth > 16) {
    return Status::ParseError(std::string(origin) +
                              ": [define] names refer to each other in a cycle");
  }
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) {
      out.append(text.substr(i, 2));
      ++i;
      continue;
    }
    if (text[i] != '{' || i + 1 == text.size() || !IsNameStart(text[i + 1])) {
      out.push_back(text[i]);
      continue;
    }
    std::size_t close = text.find('}', i);
    if (close == std::string_view::npos) {
      return Status::ParseError(std::string(origin) + ": unclosed {name}");
    }
    std::string_view name = text.substr(i + 1, close - i - 1);
    auto it = defines.find(name);
    if (it == defines.end()) {
      return Status::ParseError(std::string(origin) + ": {" +
                                std::string(name) + "} is not in [define]");
    }
    NM_ASSIGN_OR_RETURN(
        std::string value,
        Expand(it->second.first, defines, it->second.second, depth + 1));
    out += "(?:" + value + ")";
    i = close;
  }
  return out;
}

Result<Defines> ParseDefines(std::string_view file, const toml::table& root) {
  Defines out;
  const toml::node* node = root.get("define");
  if (node == nullptr) return out;
  const toml::table* t = node->as_table();
  if (t == nullptr) return ErrorAt(file, *node, "[define] must be a table");
  for (const auto& [key, value] : *t) {
    auto s = value.value<std::string>();
    if (!s) return ErrorAt(file, value, "[define] values are strings");
    out.emplace(std::string(key.str()),
                std::pair{*s, Origin(file, value)});
  }
  return out;
}

Status ParseMarking(std::string_view file, const std::string& pack_name,
                    const Defines& defines, const toml::table& t, Pack* pack) {
  auto name = t["name"].value<std::string>();
  auto level_name = t["level"].value<std::string>();
  if (!name || !level_name) {
    return ErrorAt(file, t, "a [[marking]] needs name and level");
  }
  auto level = ParseLevel(*level_name);
  if (!level) {
    return ErrorAt(file, *t.get("level"),
                   "unknown level '" + *level_name + "' in marking '" + *name +
                       "'");
  }
  MarkingKind kind = MarkingKind::kClassification;
  if (auto k = t["kind"].value<std::string>()) {
    Result<MarkingKind> parsed = ParseKind(*k);
    if (!parsed) return parsed.error().WithContext(Origin(file, *t.get("kind")));
    kind = *parsed;
  }
  bool case_sensitive = t["case_sensitive"].value_or(
      kind == MarkingKind::kBanner || kind == MarkingKind::kPortion);
  // Everyday words ("secret", "official") count only in capitals, as the
  // standards write them; compounds and labels may be mixed case.
  bool mixed_case =
      t["mixed_case"].value_or(kind != MarkingKind::kClassification);
  bool spaced = t["spaced"].value_or(false);
  bool heading_word = t["heading_word"].value_or(false);
  if (heading_word && kind != MarkingKind::kClassification) {
    return ErrorAt(file, t, "heading_word needs kind = \"classification\" (marking '" +
                                *name + "')");
  }
  SubjectHead subject_head = SubjectHead::kAny;
  if (const toml::node* node = t.get("subject_head")) {
    std::string head = node->value_or(std::string());
    if (head == "title") {
      subject_head = SubjectHead::kTitle;
    } else if (head == "alone") {
      subject_head = SubjectHead::kAlone;
    } else if (head == "only") {
      subject_head = SubjectHead::kOnly;
    } else if (head != "any") {
      return ErrorAt(file, *node,
                     "subject_head must be \"any\", \"title\", \"alone\" or \"only\" (marking '" +
                         *name + "')");
    }
    if (subject_head != SubjectHead::kAny && kind != MarkingKind::kClassification) {
      return ErrorAt(file, *node, "subject_head needs kind = \"classification\" (marking '" +
                                      *name + "')");
    }
  }
  bool footer_word = t["footer_word"].value_or(false);
  if (footer_word && kind != MarkingKind::kClassification) {
    return ErrorAt(file, t, "footer_word needs kind = \"classification\" (marking '" +
                                *name + "')");
  }
  bool agree_only = t["agree_only"].value_or(false);
  if (agree_only && kind != MarkingKind::kClassification && kind != MarkingKind::kBanner) {
    return ErrorAt(file, t, "agree_only needs kind = \"classification\" or \"banner\" (marking '" +
                                *name + "')");
  }
  bool line_alone = t["line_alone"].value_or(false);
  if (line_alone && kind != MarkingKind::kBanner) {
    return ErrorAt(file, t, "line_alone needs kind = \"banner\" (marking '" + *name + "')");
  }
  NM_ASSIGN_OR_RETURN(std::vector<std::string> forms,
                      StringList(file, t, "forms"));
  NM_ASSIGN_OR_RETURN(std::vector<std::string> regexes,
                      StringList(file, t, "regex"));
  if (forms.empty() && regexes.empty()) {
    return ErrorAt(file, t, "marking '" + *name + "' has no forms or regex");
  }
  std::string extent;
  if (const toml::node* node = t.get("extent")) {
    auto text = node->value<std::string>();
    if (!text || text->empty()) {
      return ErrorAt(file, *node, "extent must be a non-empty string (marking '" +
                                      *name + "')");
    }
    NM_ASSIGN_OR_RETURN(extent, Expand(*text, defines, Origin(file, *node)));
  }
  auto add = [&](std::string expression, bool exact_case) {
    pack->markings.push_back(MarkingDef{*name, pack_name, *level, kind,
                                        exact_case, mixed_case, heading_word,
                                        footer_word, subject_head,
                                        std::move(expression),
                                        extent, Origin(file, t), agree_only, line_alone});
  };
  for (const std::string& f : forms) {
    add(LiteralToExpression(f, true, true), case_sensitive);
    // A portion mark typed with blanks inside its brackets ("( NS ) The
    // convoy", "( S ) Route"): the US pack caught "( S // NF )" by its
    // banner abbreviation only, and no pack the bare letters (issue 13,
    // round 34 item 9). At least one blank, so the plain form stays the
    // literal's match alone.
    if (kind == MarkingKind::kPortion && f.size() > 2 && f.front() == '(' &&
        f.back() == ')') {
      std::string inner =
          LiteralToExpression(std::string_view(f).substr(1, f.size() - 2),
                              false, false);
      add("\\((?: +" + inner + " *| *" + inner + " +)\\)", case_sensitive);
    }
    // Typed letter-spaced forms were capitals; matching them caseless would
    // only cost scan speed (measured: a third of the uk pack's).
    if (spaced) add(LetterSpacedExpression(f), true);
  }
  for (const std::string& r : regexes) {
    NM_ASSIGN_OR_RETURN(std::string expanded,
                        Expand(r, defines, Origin(file, t)));
    add(std::move(expanded), case_sensitive);
  }
  return Status::Ok();
}

Status ParseLabelHeader(std::string_view file, const toml::table& t,
                        Pack* pack) {
  auto header = t["header"].value<std::string>();
  if (!header) return ErrorAt(file, t, "a [[label_header]] needs header");
  LabelHeaderDef def;
  def.header = *header;
  def.extract = t["extract"].value_or(std::string());
  def.enabled = t["enabled"].value_or(std::string());
  def.disabled = t["disabled"].value_or(std::string());
  if ((!def.enabled.empty() || !def.disabled.empty()) && def.extract.empty()) {
    return ErrorAt(file, t, "enabled and disabled need extract");
  }
  std::string decode = t["decode"].value_or(std::string());
  if (!decode.empty() && decode != "base64") {
    return ErrorAt(file, t, "decode must be \"base64\"");
  }
  def.base64 = decode == "base64";
  def.unnamed_is_unknown = t["unnamed_is_unknown"].value_or(false);
  if (def.unnamed_is_unknown && def.extract.empty()) {
    return ErrorAt(file, t, "unnamed_is_unknown needs extract");
  }
  def.origin = Origin(file, t);
  pack->label_headers.push_back(std::move(def));
  return Status::Ok();
}

Status ParseLabelValues(std::string_view file, const toml::table& root,
                        Pack* pack) {
  const toml::node* node = root.get("label_values");
  if (node == nullptr) return Status::Ok();
  const toml::table* t = node->as_table();
  if (t == nullptr) return ErrorAt(file, *node, "[label_values] must be a table");
  NM_ASSIGN_OR_RETURN(pack->label_values.words, StringList(file, *t, "words"));
  NM_ASSIGN_OR_RETURN(pack->label_values.qualifiers,
                      StringList(file, *t, "qualifiers"));
  if (pack->label_values.words.empty()) {
    return ErrorAt(file, *t, "[label_values] needs words");
  }
  for (auto* list : {&pack->label_values.words, &pack->label_values.qualifiers}) {
    for (std::string& w : *list) {
      for (char c : w) {
        if (!std::isalpha(static_cast<unsigned char>(c))) {
          return ErrorAt(file, *t, "[label_values] word '" + w +
                                       "' must be ASCII letters only");
        }
      }
      for (char& c : w) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
    }
  }
  return Status::Ok();
}

template <typename Fn>
Status ForEachTable(std::string_view file, const toml::table& root,
                    std::string_view key, Fn fn) {
  const toml::node* node = root.get(key);
  if (node == nullptr) return Status::Ok();
  const toml::array* arr = node->as_array();
  if (arr == nullptr) {
    return ErrorAt(file, *node, "[[" + std::string(key) + "]] expected");
  }
  for (const toml::node& item : *arr) {
    const toml::table* t = item.as_table();
    if (t == nullptr) {
      return ErrorAt(file, item, "[[" + std::string(key) + "]] expected");
    }
    NM_RETURN_IF_ERROR(fn(*t));
  }
  return Status::Ok();
}

}  // namespace

namespace {

// Capital letters on both sides of literal[at], two at least each side:
// "TOP-SECRET", "OFFICIAL-SENSITIVE", not "X-IN" or "Non-Business".
bool BetweenCapitalWords(std::string_view literal, std::size_t at) {
  auto capitals = [&](std::size_t from, int step) {
    int n = 0;
    for (std::size_t i = from; i < literal.size() && std::isupper(static_cast<unsigned char>(literal[i]));
         i += step) {
      ++n;
      if (i == 0 && step < 0) break;
    }
    return n;
  };
  return at > 0 && capitals(at - 1, -1) >= 2 && capitals(at + 1, 1) >= 2;
}

}  // namespace

std::string LiteralToExpression(std::string_view literal, bool whole_word,
                                bool run_together) {
  std::string out;
  auto is_word = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  };
  if (whole_word && !literal.empty() && is_word(literal.front())) out += "\\b";
  // A blank or a hyphen may also be a line break: a banner wrapped by the
  // sender's client in the middle of the marking ("UK TOP\nSECRET",
  // "OFFICIAL-\nSENSITIVE"). One break only: a blank line ends a paragraph.
  // Either may be an underscore, as names of files and of variables join
  // words ("OFFICIAL_SENSITIVE", "UK_SECRET"; issue 13, breaker round 32
  // D5): '_' is a word character, so "MY_TOP_SECRET_KEY" stays unmatched.
  for (std::size_t at = 0; at < literal.size(); ++at) {
    const char c = literal[at];
    if (c == ' ') {
      out += "(?: +| *\n *|_)";
    } else if (c == '-' && run_together && BetweenCapitalWords(literal, at)) {
      // The hyphen of a compound of capital words may be gone: a soft
      // hyphen typed or pasted for it (U+00AD, which the normaliser drops:
      // "OFFICIAL\u00adSENSITIVE" reads "OFFICIALSENSITIVE"), or run
      // together ("TOPSECRET").
      out += "(?: ?[-_][ \n]?)?";
    } else if (c == '-') {
      out += " ?[-_][ \n]?";
    } else if (std::isalnum(static_cast<unsigned char>(c)) ||
               static_cast<unsigned char>(c) >= 0x80) {
      out.push_back(c);
    } else {
      out.push_back('\\');
      out.push_back(c);
    }
  }
  if (whole_word && !literal.empty() && is_word(literal.back())) out += "\\b";
  return out;
}

std::string LetterSpacedExpression(std::string_view literal) {
  // "TOP SECRET" -> \bT {1,2}O {1,2}P +S {1,2}E ...\b: one or two blanks
  // between letters (typists spaced with one, or two for emphasis: "S  E  C
  // R  E  T"), one or more between words, a hyphen with blanks around it.
  std::string out = "\\b";
  bool letter_before = false;
  for (char c : literal) {
    if (c == ' ') {
      out += " +";
      letter_before = false;
    } else if (c == '-') {
      out += " *- *";
      letter_before = false;
    } else if (std::isalnum(static_cast<unsigned char>(c))) {
      if (letter_before) out += " {1,2}";
      out.push_back(c);
      letter_before = true;
    } else {
      out.push_back('\\');
      out.push_back(c);
      letter_before = false;
    }
  }
  return out + "\\b";
}

Result<Pack> ParsePack(std::string_view toml_text, std::string_view file_name) {
  // What toml++ 3.3.0 would meet with undefined behaviour (base/toml_text.h).
  if (std::optional<TomlTextProblem> p = FindTomlTextProblem(toml_text)) {
    return Status::ParseError(std::string(file_name) + ":" +
                              std::to_string(p->line) + ":" +
                              std::to_string(p->column) + ": " + p->message);
  }
  toml::parse_result parsed =
      toml::parse(toml_text, std::string_view(file_name));
  if (!parsed) {
    const toml::parse_error& e = parsed.error();
    return Status::ParseError(std::string(file_name) + ":" +
                              std::to_string(e.source().begin.line) + ":" +
                              std::to_string(e.source().begin.column) + ": " +
                              TomlErrorText(toml_text, e.source().begin.line,
                                            e.description()));
  }
  const toml::table& root = parsed.table();
  Pack pack;
  auto name = root["pack"].value<std::string>();
  if (!name) {
    return Status::ParseError(std::string(file_name) +
                              ": missing top-level pack = \"name\"");
  }
  pack.name = *name;
  NM_ASSIGN_OR_RETURN(Defines defines, ParseDefines(file_name, root));
  NM_RETURN_IF_ERROR(
      ForEachTable(file_name, root, "marking", [&](const toml::table& t) {
        return ParseMarking(file_name, pack.name, defines, t, &pack);
      }));
  NM_RETURN_IF_ERROR(
      ForEachTable(file_name, root, "label_header", [&](const toml::table& t) {
        return ParseLabelHeader(file_name, t, &pack);
      }));
  NM_RETURN_IF_ERROR(ParseLabelValues(file_name, root, &pack));
  return pack;
}

}  // namespace nearmiss::content
