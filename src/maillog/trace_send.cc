// What an Exchange SEND event's connector and recipient-status say
// (trace_send.h).
#include "maillog/trace_send.h"

#include <string>

#include "maillog/postfix_fields.h"
#include "maillog/trace_text.h"

namespace nearmiss::maillog {
using trace_text::Trim;

namespace {

// True when `s` starts with an SMTP reply code (RFC 5321 4.2: three
// digits, the first 2 to 5, then a blank, '-' or the end).
bool StartsWithReplyCode(std::string_view s) {
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  return s.size() >= 3 && s[0] >= '2' && s[0] <= '5' && digit(s[1]) && digit(s[2]) &&
         (s.size() == 3 || s[3] == ' ' || s[3] == '-');
}

}  // namespace

bool IntraOrganisation(std::string_view connector) {
  return connector == "Intra-Organization SMTP Send Connector" ||
         connector.starts_with("EdgeSync - Inbound to ");
}

void SmtpReplies(std::string_view text, size_t recipients, std::vector<std::string_view>* out) {
  // PowerShell's form of a String[] ("{250 2.0.0 OK, 550 5.1.1 User
  // unknown}", trace_address.h): unwrapped, and ", " before a reply code
  // separates as ';' does (issue-16 tester round 34, item 6).
  text = Trim(text);
  const bool braced = text.size() >= 2 && text.front() == '{' && text.back() == '}';
  if (braced) text = text.substr(1, text.size() - 2);
  if (recipients <= 1) {
    out->push_back(Trim(text));
    return;
  }
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    const bool sep = i < text.size() && (text[i] == ';' || (braced && text[i] == ','));
    if (i < text.size() && (!sep || !StartsWithReplyCode(Trim(text.substr(i + 1))))) {
      continue;
    }
    out->push_back(Trim(text.substr(start, i - start)));
    start = i + 1;
  }
}

bool PrivateNextHop(const std::vector<std::string>& f, int hostname, std::string_view reply) {
  if (hostname < 1 || static_cast<size_t>(hostname) + 1 >= f.size()) return false;
  const bool queued = !QueuedAs(reply).empty() ||
                      f[hostname + 1].find("queued as ") != std::string::npos;
  return queued && InternalRelay("[" + f[hostname - 1] + "]");
}

}  // namespace nearmiss::maillog
