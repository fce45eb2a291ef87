// Sender-facing message templates: "{recipient}: {reason}; did you mean
// {suggestions}?". Fields are filled per recipient; "{{" and "}}" are literal
// braces.
#ifndef NEARMISS_POLICY_TEMPLATE_H_
#define NEARMISS_POLICY_TEMPLATE_H_

#include <optional>
#include <string>
#include <string_view>

namespace nearmiss::policy {

struct TemplateFields {
  std::string_view recipient;
  std::string_view suggestion;       // the likeliest address meant
  std::string_view target;
  std::string_view reason;
  std::string_view level;
  // "the message is marked SECRET", or, when only [limits] incomplete_level
  // gave that level, "the message could not be read to the end, so it
  // counts as SECRET": a sender is never told of a marking nobody saw.
  std::string_view marked;
  std::string_view also_suggestion;  // a second address about as likely, or ""
  // Both, as a sender reads them: "x@yahoo.com.tw or x@yahoo.com.tr"; the
  // one suggestion when there is no second (issue 15: offer both).
  std::string_view suggestions;
};

// The first problem in `tmpl` ("unknown field '{recipent}'", "unclosed
// '{'"), and its byte offset; nullopt when the template is good.
struct TemplateProblem {
  std::string what;
  size_t offset = 0;
};
std::optional<TemplateProblem> ValidateTemplate(std::string_view tmpl);

// Fills a validated template; an unknown field is left as written.
std::string RenderTemplate(std::string_view tmpl, const TemplateFields& fields);

}  // namespace nearmiss::policy

#endif  // NEARMISS_POLICY_TEMPLATE_H_
