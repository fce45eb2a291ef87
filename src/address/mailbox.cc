// ParseAddress and SplitAddressList: RFC 5322 mailboxes as people type and
// paste them, plus the pieces of RFC 5321 and 6531 that matter for that.

#include <string>
#include <string_view>
#include <vector>

#include "address/mailto.h"
#include "address/rfc5322.h"
#include "address/text.h"
#include "nearmiss/address.h"

namespace nearmiss {
namespace {

using address::Echo;
using address::IsDotAtom;
using address::CleanDisplayName;
using address::Decommented;
using address::Invalid;
using address::kNpos;
using address::ParseLocal;
using address::StripComments;
using address::TrimSpace;
using address::Walker;

// A bare addr-spec: `bob@army.mil`, `"bob smith"@army.mil`, comments allowed.
Result<Address> ParseAddrSpec(std::string_view spec, std::string_view whole) {
  Walker walker(spec);
  walker.Find("");  // only to check quotes and comments balance
  NM_RETURN_IF_ERROR(walker.status());
  Decommented parts = StripComments(spec, '\0');
  std::string_view s = TrimSpace(parts.text);
  // RFC 5321 source route "@relay.mil:bob@army.mil": obsolete; ignore it.
  if (!s.empty() && s.front() == '@') {
    const std::size_t colon = Walker(s).Find(":");
    if (colon != kNpos) s = TrimSpace(s.substr(colon + 1));
  }
  Walker w(s);
  std::size_t at = kNpos;
  for (std::size_t p = w.Find("@"); p != kNpos; p = w.Find("@", p + 1)) {
    at = p;
  }
  if (at == kNpos) return Invalid("no '@' in '" + Echo(whole) + "'");
  const std::string_view local_raw = TrimSpace(s.substr(0, at));
  const std::string_view domain_raw = TrimSpace(s.substr(at + 1));
  if (local_raw.empty()) return Invalid("empty local part");
  if (domain_raw.empty()) return Invalid("empty domain");

  Address a;
  NM_ASSIGN_OR_RETURN(a.local, ParseLocal(local_raw));
  NM_ASSIGN_OR_RETURN(a.domain, ParseDomain(domain_raw));
  a.display_name = CleanDisplayName(parts.first_comment);
  return a;
}

}  // namespace

Result<Address> ParseAddress(std::string_view text) {
  // A mailto: URI is percent-encoded (RFC 6068).
  if (std::vector<std::string> uri = address::MailtoRecipients(text); uri.size() == 1) {
    return ParseAddress(uri[0]);
  }
  NM_ASSIGN_OR_RETURN(address::MailboxParts parts, address::SplitMailbox(text));
  NM_ASSIGN_OR_RETURN(Address a, ParseAddrSpec(parts.spec, parts.whole));
  // The name before '<' wins over any comment inside the brackets.
  if (parts.bracketed) a.display_name = CleanDisplayName(parts.display);
  return a;
}

std::vector<std::string> SplitAddressList(std::string_view text) {
  std::vector<std::string> out;
  auto emit = [&out](std::string_view text) {
    for (std::string_view piece : address::SplitAtMissingCommas(TrimSpace(text))) {
      if (piece.empty()) continue;
      // A mailto: URI may name several recipients (RFC 6068 "?to=", "cc",
      // "bcc"); each is a recipient of its own, none may be dropped.
      std::vector<std::string> mailto = address::MailtoRecipients(piece);
      if (mailto.empty()) {
        out.emplace_back(piece);
      } else {
        for (std::string& m : mailto) out.push_back(std::move(m));
      }
    }
  };
  // Separators count only at the top level (Walker skips quoted strings and
  // comments) and outside angle brackets. An unterminated quote or comment
  // swallows the rest, which becomes one piece for the parser to refuse.
  // Within a piece, two words with only space between are two addresses
  // (SplitAtMissingCommas).
  // RFC 5322 3.4 groups ("team: a@x, b@y;") lose their name. As in
  // Postfix's tok822_parse, a top-level ':' starts a group only when a ';'
  // closes one after it, and the name runs back to the previous ',' (words
  // there are the name, not recipients); any other ':' is part of an
  // address. A source route ("@relay:bob@x") and a mailto: URI keep theirs.
  std::size_t last_semicolon = kNpos;
  {
    Walker scan(text);
    bool in_angle = false;
    for (std::size_t i = scan.Find("<>;"); i != kNpos; i = scan.Find("<>;", i + 1)) {
      if (text[i] == '<' || text[i] == '>') {
        in_angle = text[i] == '<';
      } else if (!in_angle) {
        last_semicolon = i;
      }
    }
  }
  Walker walker(text);
  bool angle = false;
  std::size_t start = 0;
  for (std::size_t i = walker.Find("<>,;:", start); i != kNpos;
       i = walker.Find("<>,;:", i + 1)) {
    const char c = text[i];
    if (c == '<' || c == '>') {
      angle = c == '<';
    } else if (angle) {
      continue;
    } else if (c == ':') {
      const std::string_view head = TrimSpace(text.substr(start, i - start));
      if (last_semicolon == kNpos || i > last_semicolon || head.empty() ||
          head.front() == '@' || address::IsMailtoScheme(head)) {
        continue;
      }
      start = i + 1;  // a group's display name
    } else {
      // A mailto: URI's own commas ("mailto:a@x,b@y?cc=c@z") separate its
      // recipients, which MailtoRecipients reads; the URI ends at white space.
      const std::string_view head = TrimSpace(text.substr(start, i - start));
      const bool in_uri = address::MailtoRecipients(head).size() > 0 &&
                          head.find_first_of(" \t\r\n") == kNpos && i + 1 < text.size() &&
                          !address::IsSpace(text[i + 1]);
      if (in_uri) continue;
      emit(text.substr(start, i - start));
      start = i + 1;
    }
  }
  if (start < text.size()) emit(text.substr(start));
  return out;
}

std::string Address::ToString() const { return WithDomain(domain.ascii); }

std::string Address::WithDomain(std::string_view ascii_domain) const {
  std::string out;
  address::AssignMailbox(local, ascii_domain, &out);
  return out;
}

}  // namespace nearmiss
