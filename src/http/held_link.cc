#include "http/held_link.h"

#include "base/ascii.h"
#include "base/line_text.h"

namespace nearmiss::http {

std::string BareMessageId(std::string_view value) {
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t' || value.back() == '\r')) {
    value.remove_suffix(1);
  }
  if (value.size() >= 2 && value.front() == '<' && value.back() == '>') {
    value = value.substr(1, value.size() - 2);
  }
  return std::string(value);
}

LinkFit LinkFitOf(const confirm::ConfirmLink& link, const HeldMessage& held) {
  if (link.version < 4) return LinkFit::kUnbound;
  if (!link.hold_id.empty()) {
    if (held.hold_id != link.hold_id) return LinkFit::kOtherMessage;
  } else if (!link.message_id.empty()) {
    if (BareMessageId(held.message_id) != link.message_id) return LinkFit::kOtherMessage;
  } else {
    return LinkFit::kUnbound;
  }
  return AsciiLower(held.sender) == AsciiLower(link.sender) ? LinkFit::kSame
                                                            : LinkFit::kOtherSender;
}

std::string OneLine(std::string_view s, size_t max) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    size_t len = Utf8SequenceLength(static_cast<unsigned char>(s[i]));
    if (len == 0 || i + len > s.size()) len = 1;
    if (out.size() + len > max) return out.append("...");
    std::string_view c = s.substr(i, len);
    if (IsLineControl(c)) {
      out += '?';
    } else {
      out.append(c);
    }
    i += len;
  }
  return out;
}

std::string HeldEventDetail(std::string_view done, const Result<HeldMessage>& m) {
  std::string detail(done);
  if (!m.ok()) {
    return detail.append(" (its sender and recipients not read: ")
        .append(OneLine(m.error().message(), 200))
        .append(")");
  }
  detail.append(": from ").append(m->sender.empty() ? "<>" : OneLine(m->sender, 256));
  detail.append(" to ");
  for (size_t i = 0; i < m->recipients.size(); ++i) {
    if (i == 8) {
      detail.append(", and ").append(std::to_string(m->recipients.size() - i)).append(" more");
      break;
    }
    detail.append(i ? ", " : "").append(OneLine(m->recipients[i], 256));
  }
  if (!m->subject.empty()) detail.append("; subject '").append(OneLine(m->subject, 100)).append("'");
  if (!m->rule.empty()) detail.append("; held by rule ").append(OneLine(m->rule, 64));
  if (!m->level.empty()) detail.append(" (").append(OneLine(m->level, 64)).append(")");
  return detail;
}

}  // namespace nearmiss::http
