#include "policy/template.h"

#include <algorithm>

namespace nearmiss::policy {
namespace {

std::optional<std::string_view> Field(std::string_view name, const TemplateFields& f) {
  if (name == "recipient") return f.recipient;
  if (name == "suggestion") return f.suggestion;
  if (name == "also_suggestion") return f.also_suggestion;
  if (name == "suggestions") return f.suggestions;
  if (name == "target") return f.target;
  if (name == "reason") return f.reason;
  if (name == "level") return f.level;
  if (name == "marked") return f.marked;
  return std::nullopt;
}

// "; did you mean {suggestions}?" with nothing to suggest (foo.zz: no
// trusted name near) read "did you mean ?" (issue 15, fresh tester, item
// 12). The clause holding the empty field is left out: `out` loses what
// it holds after the last "; ", ", " or ". ", never a field's value (it
// keeps its first `kept` bytes), and the template is resumed after the
// next '?', '.' or '!' past `close`. Returns that resume offset; with no
// such end there is no clause, and the field is left empty.
size_t DropClause(std::string_view tmpl, size_t close, size_t kept, std::string& out) {
  size_t end = tmpl.find_first_of("?.!", close);
  if (end == std::string_view::npos) return close + 1;  // no clause to drop
  size_t cut = kept;
  for (std::string_view sep : {"; ", ", "}) {
    if (size_t at = out.rfind(sep); at != std::string::npos) cut = std::max(cut, at);
  }
  if (size_t at = out.rfind(". "); at != std::string::npos) cut = std::max(cut, at + 1);
  out.resize(cut);
  // A '.' or '!' ends the sentence the clause was part of: it stays, unless
  // the text kept ends one already. A '?' was the dropped question's.
  if (tmpl[end] != '?' && !out.empty() && out.back() != '.') return end;
  ++end;
  if (out.empty()) {
    while (end < tmpl.size() && tmpl[end] == ' ') ++end;
  }
  return end;
}

}  // namespace

std::optional<TemplateProblem> ValidateTemplate(std::string_view tmpl) {
  const TemplateFields probe;
  for (size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl.substr(i, 2) == "{{" || tmpl.substr(i, 2) == "}}") {
      ++i;
      continue;
    }
    if (tmpl[i] == '}') return TemplateProblem{"unmatched '}'", i};
    if (tmpl[i] != '{') continue;
    size_t close = tmpl.find('}', i);
    if (close == std::string_view::npos) return TemplateProblem{"unclosed '{'", i};
    std::string_view name = tmpl.substr(i + 1, close - i - 1);
    if (!Field(name, probe)) {
      return TemplateProblem{"unknown field '{" + std::string(name) + "}'", i};
    }
    i = close;
  }
  return std::nullopt;
}

std::string RenderTemplate(std::string_view tmpl, const TemplateFields& fields) {
  std::string out;
  out.reserve(tmpl.size() + 64);
  size_t kept = 0;  // the end of the last field's value in `out`
  for (size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl.substr(i, 2) == "{{" || tmpl.substr(i, 2) == "}}") {
      out += tmpl[i++];
      continue;
    }
    size_t close = tmpl[i] == '{' ? tmpl.find('}', i) : std::string_view::npos;
    if (close != std::string_view::npos) {
      const std::string_view name = tmpl.substr(i + 1, close - i - 1);
      if (auto value = Field(name, fields)) {
        if (value->empty() && (name == "suggestion" || name == "suggestions")) {
          i = DropClause(tmpl, close, kept, out) - 1;
          continue;
        }
        out += *value;
        kept = out.size();
        i = close;
        continue;
      }
    }
    out += tmpl[i];
  }
  return out;
}

}  // namespace nearmiss::policy
