// What an Exchange SEND event's connector and recipient-status say
// (trace_send.h).
#include "maillog/trace_send.h"

#include <string>

#include "base/ascii.h"
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

std::string LowerWithoutRootDot(std::string_view s) {
  std::string out = AsciiLower(s);
  while (out.ends_with('.')) out.pop_back();
  return out;
}

// `host` is `domain` or a host under it (whole labels).
bool UnderDomain(std::string_view host, std::string_view domain) {
  return !domain.empty() &&
         (host == domain || (host.size() > domain.size() && host.ends_with(domain) &&
                             host[host.size() - domain.size() - 1] == '.'));
}

// A GUID as Exchange writes one: 8-4-4-4-12 hexadecimal digits.
bool Guid(std::string_view s) {
  if (s.size() != 36) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? s[i] != '-' : !std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
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

bool PrivateNextHop(std::string_view server_ip, std::string_view server_hostname) {
  for (std::string_view a : {Trim(server_ip), Trim(server_hostname)}) {
    if (a.empty()) continue;
    std::string bracketed = "[";
    bracketed += a;
    bracketed += ']';
    if (InternalRelay(bracketed)) return true;
  }
  return false;
}

bool OwnOrganisationConnector(std::string_view connector) {
  connector = Trim(connector);
  if (const size_t server = connector.rfind('\\'); server != std::string_view::npos) {
    connector.remove_prefix(server + 1);
  }
  constexpr std::string_view kOutboundTo = "outbound to ";
  if (connector.size() <= kOutboundTo.size() ||
      LowerWithoutRootDot(connector.substr(0, kOutboundTo.size())) != kOutboundTo) {
    return false;
  }
  return Guid(Trim(connector.substr(kOutboundTo.size())));
}

bool OwnRelayHost(std::string_view server_hostname, std::string_view sender_domain,
                  std::string_view recipient_domain) {
  const std::string host = LowerWithoutRootDot(Trim(server_hostname));
  const std::string sender = LowerWithoutRootDot(sender_domain);
  const std::string recipient = LowerWithoutRootDot(recipient_domain);
  // A single label ("EX01") is a server's own name, not a relay's.
  if (host.find('.') == std::string::npos || sender.find('.') == std::string::npos) return false;
  return UnderDomain(host, sender) && !UnderDomain(host, recipient);
}

}  // namespace nearmiss::maillog
