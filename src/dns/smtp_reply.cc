#include "dns/smtp_reply.h"

namespace nearmiss::dns {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

ReplyRead TakeReply(std::string& buffer, int* code) {
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
    at = eol + 1;
    if (sep == ' ') {
      buffer.erase(0, at);
      *code = first;
      return ReplyRead::kComplete;
    }
  }
}

}  // namespace nearmiss::dns
