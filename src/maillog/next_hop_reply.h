// What a relay's 250 reply to a Postfix smtp client says of the message:
// the id the next server queued it under, in the forms MTAs write it.
//
// Postfix logs the server's reply as the delivery's status text
// ("status=sent (250 2.0.0 Ok: queued as 4F2A1B3C)"). A relay of the
// organisation's (a content filter, a gateway, another Postfix) only took
// the message on: the reply names where it went next, and that queue's
// delivery, when a log given has it, is the outcome (postfix_log.h).
//
// Thread safety: pure functions; views point into the reply.
#ifndef NEARMISS_MAILLOG_NEXT_HOP_REPLY_H_
#define NEARMISS_MAILLOG_NEXT_HOP_REPLY_H_

#include <string_view>

namespace nearmiss::maillog {

// A queue id a Postfix log can hold (letters and digits: Postfix's
// mail_queue_id_ok(), global/mail_queue.c, less the '_' it never writes),
// as the reply ends with it; "" when none:
//   "250 2.0.0 Ok: queued as X"   Postfix smtpd (smtpd.c), most MTAs;
//     a trailing ')' of an Amavis-style nested reply left off;
//   "250 Queued as X", "250 2.0.0 queued as: X"
//                                 the same words in another case, or with
//                                 a colon (relays of the organisation seen
//                                 by the issue-16 tester, round 35);
//   "250 ok <X>", "250 2.0.0 Ok <X>"
//                                 the id in angle brackets (the same);
//   "forwarded as X"              local(8)'s status text for a message it
//                                 forwarded (a .forward, an alias), queued
//                                 again under X (local/forward.c).
std::string_view QueuedAs(std::string_view reply);

// Any id the reply names for the message's next hop, QueuedAs's forms and
// those of other MTAs, whose ids a Postfix log never holds; "" when none:
//   "250 OK id=1abcDE-000123-AB"  Exim (smtp_in.c: "250 OK id=%s");
//   "250 2.0.0 x1234567890 Message accepted for delivery"
//                                 Sendmail (srvrsmtp.c);
//   "250 2.6.0 <MSGID> [InternalId=N, Hostname=H] Queued mail for delivery"
//                                 Exchange Server: MSGID is the message's
//                                 Message-ID, brackets left off.
std::string_view NextHopId(std::string_view reply);

// The receiving server refused the message only after it had the whole of
// it: Postfix's smtp(8) and lmtp(8) log the command a reply answered
// ("... said: 550 5.7.1 Message rejected as spam (in reply to end of DATA
// command)", smtp_proto.c; "end of BDAT" likewise, RFC 3030). After DATA's
// final "." (RFC 5321 4.1.1.4, 3.3) the server holds the headers, the body
// and every attachment: the content reached it, whatever it then answered.
// Also a connection lost or timed out after the final "." was sent:
// smtp(8)'s "lost connection with HOST while sending end of data --
// message may be sent more than once" (and "conversation with HOST timed
// out while sending end of data -- ..."): Postfix's own word that the
// server may have accepted it (RFC 1047's duplicate message), the content
// in its hands either way (issue-16 tester round 44, finding 4).
bool RefusedAfterData(std::string_view reply);

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_NEXT_HOP_REPLY_H_
