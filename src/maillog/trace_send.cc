// What an Exchange SEND event's connector and recipient-status say
// (trace_send.h).
#include "maillog/trace_send.h"

#include <cctype>
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

bool OutsideSmartHost(std::string_view connector) {
  std::string lower(connector);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower.starts_with("outbound to office 365") ||
         lower.find("smarthost") != std::string::npos ||
         lower.find("smart host") != std::string::npos;
}

void SmtpReplies(std::string_view text, size_t recipients, std::vector<std::string_view>* out) {
  if (recipients <= 1) {
    out->push_back(Trim(text));
    return;
  }
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && (text[i] != ';' || !StartsWithReplyCode(Trim(text.substr(i + 1))))) {
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
