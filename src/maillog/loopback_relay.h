// Whether a delivery agent's relay= is a listener on this host: a loopback
// address or a UNIX-domain socket.
//
// Thread safety: a pure function.
#ifndef NEARMISS_MAILLOG_LOOPBACK_RELAY_H_
#define NEARMISS_MAILLOG_LOOPBACK_RELAY_H_

#include <string_view>

namespace nearmiss::maillog {

// True when relay= ("127.0.0.1[127.0.0.1]:10024", "localhost[::1]:10025")
// has a loopback address (RFC 1122 3.2.1.3, RFC 4291 2.5.3), or is a
// UNIX-domain socket (SocketRelay): a content filter's. Its "queued as X" names this host's queue id X, never another
// server's, whatever Message-ID X's copy carries (a DLP or encryption
// filter re-issues it: issue-16 tester round 9, defect 5). Defined in
// postfix_fields.cc.
bool LoopbackRelay(std::string_view relay);

// True when relay= is a UNIX-domain socket: lmtp(8) and smtp(8) log the
// socket's pathname in the brackets, relative to the queue directory or
// absolute ("mail.example[private/dovecot-lmtp]",
// "mail.example[/var/lib/amavis/amavisd.sock]"; lmtp_connect.c). No
// address has a '/'. Defined in postfix_fields.cc.
bool SocketRelay(std::string_view relay);

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_LOOPBACK_RELAY_H_
