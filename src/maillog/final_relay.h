// Whether a Postfix relay= is one the organisation declared a final
// delivery: a mail store reached over SMTP (a groupware server's SMTP
// listener, a test sink), whose 250 is the delivery itself, though its
// address is one of the organisation's (postfix_log.h: a "sent" to such
// an address is otherwise a hand-off, its outcome in the next server's log).
//
// Declared with audit --final-relay HOST[:PORT] (repeatable), HOST a name
// or an address ("store.mod.gov.uk", "10.0.0.30", "[::1]:2525",
// "127.0.0.1:2525"): a relay matches when its host name or its address
// is HOST (case ignored, a trailing dot too) and, when a port is given,
// its port is that port. A relay with no "[address]" is a pipe(8)
// transport's name as master.cf names the service ("dovecot" for
// Dovecot's LDA, "maildrop", a site's own): it matches a HOST given
// without a port, case ignored (PostfixLog counts a pipe(8) "sent" to
// such a transport as a delivery into a mailbox on this host).
//
// Thread safety: a pure function.
#ifndef NEARMISS_MAILLOG_FINAL_RELAY_H_
#define NEARMISS_MAILLOG_FINAL_RELAY_H_

#include <string>
#include <string_view>
#include <vector>

namespace nearmiss::maillog {

// `relay` as Postfix logs it ("host[addr]:port"); `declared` as given.
bool FinalRelay(std::string_view relay, const std::vector<std::string>& declared);

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_FINAL_RELAY_H_
