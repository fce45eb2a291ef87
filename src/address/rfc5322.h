// RFC 5322 lexical pieces the address module shares: where a character sits
// (inside quotes or comments, or at the top level), comments stripped, local
// parts checked, display names cleaned (mailto: URIs: mailto.h).
//
// Thread safety: pure functions; a Walker is used by one thread at a time.
#ifndef NEARMISS_ADDRESS_RFC5322_H_
#define NEARMISS_ADDRESS_RFC5322_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "nearmiss/status.h"

namespace nearmiss::address {

inline constexpr std::size_t kNpos = std::string_view::npos;
inline constexpr std::size_t kMaxLocalOctets = 64;  // RFC 5321 4.5.3.1.1

Status Invalid(std::string message);

// RFC 5322 atext, plus every non-ASCII byte (RFC 6531 allows UTF-8).
bool IsAtext(unsigned char c);
bool IsDotAtom(std::string_view s);
bool IsSpace(char c);

// Where a character of RFC 5322 text sits: structure is only read at the top
// level, outside quoted strings and (nestable) comments.
class Walker {
 public:
  explicit Walker(std::string_view s) : s_(s) {}

  // The next top-level character in `set` at or after `from`; kNpos if none,
  // and then status() says whether a quote or comment ran off the end.
  std::size_t Find(std::string_view set, std::size_t from = 0);

  const Status& status() const { return status_; }

 private:
  std::string_view s_;
  Status status_;
};

// Splits `s` into its top-level text (comments removed, quoted strings kept
// verbatim) and the content of its first comment. `s` must be balanced.
struct Decommented {
  std::string text;
  std::string first_comment;
};

Decommented StripComments(std::string_view s, char replacement);

// "Smith, Bob" from `"Smith, Bob"`, `Bob (work) Smith` -> "Bob Smith".
std::string CleanDisplayName(std::string_view s);

// A local part as RFC 5321/5322 allow it: a dot-atom or a quoted string,
// at most 64 octets, UTF-8. Returns it unquoted.
Result<std::string> ParseLocal(std::string_view raw);

// "local@domain" into `*out` (its capacity reused), the local part quoted
// when it is not a dot-atom (RFC 5321 4.1.2 Quoted-string).
void AssignMailbox(std::string_view local, std::string_view ascii_domain, std::string* out);

// Postfix's tok822_parse "adds missing commas between addresses": two words
// (atoms, quoted strings, domain literals) with only white space or
// comments between them start two addresses, so "bob@army.mil eve@army.ml"
// names two recipients. `piece` holds no top-level ',' or ';'; a piece with
// a top-level '<' is one mailbox (its phrase is its display name) and comes
// back whole. Views into `piece`.
std::vector<std::string_view> SplitAtMissingCommas(std::string_view piece);

// Well past any real header line (998 octets); bounds the work per call.
inline constexpr std::size_t kMaxAddressInput = 4096;

// One mailbox cut at its angle brackets: `Bob <bob@army.mil>` has display
// "Bob " and spec "bob@army.mil"; a bare addr-spec is all spec. Views into
// the text given to SplitMailbox.
struct MailboxParts {
  std::string_view whole;    // trimmed, mailto: removed
  std::string_view display;  // before '<'; empty when not bracketed
  std::string_view spec;     // inside the brackets, trimmed
  bool bracketed = false;
};

// Refuses: empty or over-long input, unbalanced quotes, comments or
// brackets, text after '>', and a mailto: URI naming several recipients
// (split those with SplitAddressList first).
Result<MailboxParts> SplitMailbox(std::string_view text);

}  // namespace nearmiss::address

#endif  // NEARMISS_ADDRESS_RFC5322_H_
