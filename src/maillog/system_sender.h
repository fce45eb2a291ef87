// The mail system's own senders: the null reverse-path of a bounce or other
// delivery status notification (RFC 5321 4.5.5: "<>", or empty as the logs
// write it), and the addresses mail servers write their notices from when
// they name one: Exchange's and Exchange Online's system mailbox
// "MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@<domain>" (the
// well-known address of Exchange's non-delivery reports, in message
// tracking logs and message traces) and "MAILER-DAEMON@<host>" (Sendmail's
// and Exim's). No person chose the recipients of such a notice: a
// look-alike that wrote in gets the bounce. Audit counts them apart and
// learn skips them (round 50's tester 16, finding 2).
//
// Pure function; any thread.
#ifndef NEARMISS_MAILLOG_SYSTEM_SENDER_H_
#define NEARMISS_MAILLOG_SYSTEM_SENDER_H_

#include <string_view>

namespace nearmiss::maillog {

// `sender` (an envelope sender as a log or trace writes it, "<>" or ""
// for the null one) is the mail system's own: the rule above. ASCII case
// folded.
bool IsSystemNoticeSender(std::string_view sender);

// `sender` is Exchange's system mailbox (MicrosoftExchange329e71ec...@),
// which sends journal reports as well as non-delivery reports: learn skips
// it, but a report names it (a journal report to a look-alike carries the
// journaled message whole).
bool IsExchangeSystemMailbox(std::string_view sender);

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_SYSTEM_SENDER_H_
