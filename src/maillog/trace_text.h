// Text helpers the trace reader's files share (trace_log.cc,
// trace_header.cc, trace_row.cc): internal to src/maillog.
#ifndef NEARMISS_MAILLOG_TRACE_TEXT_H_
#define NEARMISS_MAILLOG_TRACE_TEXT_H_

#include <cctype>
#include <string>
#include <string_view>

namespace nearmiss::maillog::trace_text {

// "Recipient address", "recipient_address", "recipient-address" ->
// "recipientaddress"; "Date (UTC)" -> "date".
inline std::string Normal(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (c == '(') break;
    if (c == ' ' || c == '_' || c == '-' || c == '"') continue;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

inline std::string_view StripBom(std::string_view s) {
  if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
  return s;
}

// A field without blanks or angle brackets around it ("<id@x>" -> "id@x").
inline std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '<')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '>')) s.remove_suffix(1);
  return s;
}

}  // namespace nearmiss::maillog::trace_text

#endif  // NEARMISS_MAILLOG_TRACE_TEXT_H_
