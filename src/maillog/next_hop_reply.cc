#include "maillog/next_hop_reply.h"

#include <algorithm>
#include <cctype>

namespace nearmiss::maillog {
namespace {

bool QueueIdChar(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

bool AllQueueIdChars(std::string_view id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), QueueIdChar);
}

char Lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

// The last `word` (lower case) in `s`, whatever its case; npos when none.
size_t RFindNoCase(std::string_view s, std::string_view word) {
  if (s.size() < word.size()) return std::string_view::npos;
  for (size_t at = s.size() - word.size() + 1; at-- > 0;) {
    if (std::equal(word.begin(), word.end(), s.begin() + at,
                   [](char w, char c) { return w == Lower(c); })) {
      return at;
    }
  }
  return std::string_view::npos;
}

// The reply without its code and enhanced status ("250 2.6.0 "): the text.
std::string_view AfterCodes(std::string_view s) {
  if (!s.starts_with("250")) return {};
  s.remove_prefix(3);
  if (!s.starts_with(' ') && !s.starts_with('-')) return {};
  s.remove_prefix(1);
  // RFC 3463 enhanced status code: class.subject.detail.
  if (s.size() > 2 && s[0] == '2' && s[1] == '.') {
    size_t sp = s.find(' ');
    if (sp == std::string_view::npos) return {};
    s.remove_prefix(sp + 1);
  }
  return s;
}

}  // namespace

std::string_view QueuedAs(std::string_view t) {
  while (!t.empty() && (t.back() == ')' || t.back() == ' ')) t.remove_suffix(1);
  // local(8)'s "forwarded as X" (a .forward or an alias to another
  // address): the copy it queued under X goes on as a hand-off's does
  // (round 50's tester 16, finding 3).
  size_t at = RFindNoCase(t, "queued as");
  size_t word = 9;
  if (at == std::string_view::npos && t.starts_with("forwarded as")) {
    at = 0;
    word = 12;
  }
  if (at != std::string_view::npos) {
    std::string_view id = t.substr(at + word);
    if (id.starts_with(':')) id.remove_prefix(1);
    if (!id.starts_with(' ')) return {};
    id.remove_prefix(id.find_first_not_of(' '));
    return AllQueueIdChars(id) ? id : std::string_view();
  }
  // "ok <X>": the whole text after the codes.
  std::string_view text = AfterCodes(t);
  if (text.size() > 5 && Lower(text[0]) == 'o' && Lower(text[1]) == 'k' && text[2] == ' ' &&
      text[3] == '<' && text.back() == '>') {
    std::string_view id = text.substr(4, text.size() - 5);
    if (AllQueueIdChars(id)) return id;
  }
  return {};
}

std::string_view NextHopId(std::string_view t) {
  if (std::string_view id = QueuedAs(t); !id.empty()) return id;
  std::string_view text = AfterCodes(t);
  if (text.starts_with("OK id=")) {
    std::string_view id = text.substr(6);
    id = id.substr(0, id.find(' '));
    return std::all_of(id.begin(), id.end(), [](char c) { return QueueIdChar(c) || c == '-'; })
               ? id
               : std::string_view();
  }
  constexpr std::string_view kSendmail = " Message accepted for delivery";
  if (size_t at = text.find(kSendmail); at != std::string_view::npos && at > 0) {
    std::string_view id = text.substr(0, at);
    return AllQueueIdChars(id) ? id : std::string_view();
  }
  if (text.starts_with('<') && text.ends_with("Queued mail for delivery")) {
    size_t close = text.find('>');
    if (close != std::string_view::npos && close > 1) return text.substr(1, close - 1);
  }
  return {};
}

bool RefusedAfterData(std::string_view reply) {
  return reply.find("(in reply to end of DATA command)") != std::string_view::npos ||
         reply.find("(in reply to end of BDAT command)") != std::string_view::npos ||
         reply.find("while sending end of data -- message may be sent more than once") !=
             std::string_view::npos;
}

}  // namespace nearmiss::maillog
