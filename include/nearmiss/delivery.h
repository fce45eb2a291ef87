// Where the mail server will really deliver a recipient: Postfix's reading
// of an address, not the RFCs'.
//
// ParseRecipient finds the delivery domain the way Postfix's
// trivial-rewrite(8) resolves an envelope or header recipient:
//   - the domain follows the rightmost '@' outside quotes and comments
//     ("x@army.mil@army.ml" goes to army.ml);
//   - one trailing dot is dropped ("army.ml." is army.ml), but not "..";
//   - a source route ("@relay.mil:bob@army.ml") is dropped (RFC 5321 C);
//   - quotes and escapes are read as Postfix's smtpd and cleanup do: the
//     address is unquoted to its internal form first, so `bob."@army.ml"@mx`
//     has the local part `bob.@army.ml` (quote_822_local re-quotes it whole);
//   - when the domain is one of the server's own (Postfix `mydestination`:
//     DeliveryOptions::local_domains), it is stripped and the local part
//     routed on: a local part Postfix quotes is cracked open at its
//     rightmost '@', else '%', else '!' (`resolve_dequoted_address`); a
//     plain one has its bang path "army.ml!bob" swapped to bob@army.ml
//     (`swap_bangpath`, the first '!'), else its rightmost '%' made '@'
//     (`allow_percent_hack`);
//   - an address without '@' gets the same rewriting, else @myorigin.
// Whatever the configuration, every domain named inside a percent hack, a
// bang path or a quoted '@' of the local part is returned in `route` too,
// since the next hop may route it on (Postfix's RESOLVE_FLAG_ROUTED):
// "bob%army.ml@mail.example.org" is judged for army.ml as well.
//
// The local part is not held to RFC 5321: "bob.@army.ml" and "a@b@army.ml"
// go to army.ml (Postfix accepts them with strict_rfc821_envelopes = no,
// its default), so they are judged on that domain and the oddity is noted.
// Refusals (kInvalidArgument, with the reason): no delivery domain can be
// found, or it is not a mail domain ParseDomain accepts.
//
// Thread safety: pure functions.
#ifndef NEARMISS_DELIVERY_H_
#define NEARMISS_DELIVERY_H_

#include <string>
#include <string_view>
#include <vector>

#include "nearmiss/address.h"
#include "nearmiss/status.h"

namespace nearmiss {

// The Postfix parameters that change where an address goes (postconf(5)).
struct DeliveryOptions {
  // Lower-case ASCII domains the server delivers locally: Postfix's
  // `mydestination` (resolve_local; `myhostname` only through it, as in
  // Postfix's default "$myhostname, localhost.$mydomain, localhost").
  // Default none: nothing is rewritten, every routed domain is still judged
  // through Recipient::route.
  std::vector<std::string> local_domains;
  // Postfix `myorigin`: the domain a bare local name ("root") gets
  // (append_at_myorigin). Empty: a name without '@' is refused.
  std::string myorigin;
  bool allow_percent_hack = true;  // Postfix allow_percent_hack, default yes
  bool swap_bangpath = true;       // Postfix swap_bangpath, default yes
};

// One further domain named by the address: "army.ml" in
// "bob%army.ml@mail.example.org".
struct RouteHop {
  Domain domain;
  std::string local;  // the local part at that hop ("bob")
  std::string how;    // "percent hack", "bang path", "quoted '@'", "'@'"
};

struct Recipient {
  std::string display_name;
  // The delivery address: the local part as it reaches the delivery
  // domain (unquoted), and that domain.
  std::string local;
  Domain domain;
  std::vector<RouteHop> route;  // in the order the address names them
  // Why the typed address is not a plain RFC 5321 mailbox, e.g. "local part
  // 'bob.' ends with a dot"; empty when it is one.
  std::string irregular;

  // "bob@army.ml": the delivery address, local part quoted if needed.
  std::string ToString() const;
  // The same into `*out`, reusing its capacity.
  void WriteAddress(std::string* out) const;
  // The same local part at another domain (for suggestions).
  std::string WithDomain(std::string_view ascii_domain) const;
};

// Finds the delivery domain of one recipient as typed in an envelope
// (RCPT TO argument, with or without <>) or a header (a mailbox with a
// display name). See the file comment for the rules.
Result<Recipient> ParseRecipient(std::string_view text,
                                 const DeliveryOptions& options = {});

// The same into `*out`, for a caller that parses many recipients on one
// thread: the plain forms "bob@army.mil" and "<bob@army.mil>" (a dot-atom
// local part without '%' or '!', a domain of letters, digits, hyphens and
// dots) are parsed straight into `*out`'s strings, reusing their capacity,
// so they allocate nothing once `*out` has held as long a recipient; any
// other form takes the general walk and gives the same answer. On error
// `*out` is left unspecified.
Status ParseRecipient(std::string_view text, const DeliveryOptions& options,
                      Recipient* out);

}  // namespace nearmiss

#endif  // NEARMISS_DELIVERY_H_
