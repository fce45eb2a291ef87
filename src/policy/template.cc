#include "policy/template.h"

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
  for (size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl.substr(i, 2) == "{{" || tmpl.substr(i, 2) == "}}") {
      out += tmpl[i++];
      continue;
    }
    size_t close = tmpl[i] == '{' ? tmpl.find('}', i) : std::string_view::npos;
    if (close != std::string_view::npos) {
      if (auto value = Field(tmpl.substr(i + 1, close - i - 1), fields)) {
        out += *value;
        i = close;
        continue;
      }
    }
    out += tmpl[i];
  }
  return out;
}

}  // namespace nearmiss::policy
