#include "dns/smtp_reply.h"

#include <algorithm>

namespace nearmiss::dns {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The enhanced status code at the front of `text` (RFC 3463 §2: class
// "2", "4" or "5", then subject and detail of one to three digits each,
// dot-separated), followed by a space or nothing; "" when there is none.
std::string_view LeadingStatus(std::string_view text) {
  if (text.size() < 5 || (text[0] != '2' && text[0] != '4' && text[0] != '5') || text[1] != '.') {
    return {};
  }
  size_t at = 2;
  for (int part = 0; part < 2; ++part) {
    const size_t start = at;
    while (at < text.size() && IsDigit(text[at]) && at - start < 3) ++at;
    if (at == start) return {};
    if (part == 0) {
      if (at >= text.size() || text[at] != '.') return {};
      ++at;
    }
  }
  if (at < text.size() && text[at] != ' ') return {};
  return text.substr(0, at);
}

}  // namespace

bool IsPolicyStatus(std::string_view status) {
  return status.size() >= 4 && status[1] == '.' && status[2] == '7' && status[3] == '.';
}

ReplyRead TakeReply(std::string& buffer, int* code, std::string* status) {
  size_t at = 0;
  int first = -1;
  for (;;) {
    size_t eol = buffer.find('\n', at);
    if (eol == std::string::npos) {
      // An unfinished line already past its bound will not become a reply.
      if (buffer.size() - at > kMaxReplyLine || buffer.size() > kMaxReply) {
        return ReplyRead::kMalformed;
      }
      return ReplyRead::kIncomplete;
    }
    size_t end = eol;
    if (end > at && buffer[end - 1] == '\r') --end;
    if (end - at > kMaxReplyLine || eol + 1 > kMaxReply) return ReplyRead::kMalformed;
    if (end - at < 3 || !IsDigit(buffer[at]) || !IsDigit(buffer[at + 1]) ||
        !IsDigit(buffer[at + 2])) {
      return ReplyRead::kMalformed;
    }
    int line_code = (buffer[at] - '0') * 100 + (buffer[at + 1] - '0') * 10 + (buffer[at + 2] - '0');
    if (first >= 0 && line_code != first) return ReplyRead::kMalformed;
    first = line_code;
    char sep = end - at > 3 ? buffer[at + 3] : ' ';
    if (sep != ' ' && sep != '-') return ReplyRead::kMalformed;
    const size_t text = std::min(at + 4, end);
    at = eol + 1;
    if (sep == ' ') {
      if (status != nullptr) {
        status->assign(LeadingStatus(std::string_view(buffer).substr(text, end - text)));
      }
      buffer.erase(0, at);
      *code = first;
      return ReplyRead::kComplete;
    }
  }
}

}  // namespace nearmiss::dns
