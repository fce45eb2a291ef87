// Whether a message is bulk mail, by the headers that say so: RFC 2369
// List-Unsubscribe (and RFC 8058 List-Unsubscribe-Post, which needs it)
// and the de facto "Precedence: bulk" or "junk" (RFC 3834 section 5).
// Newsletters and offers shout level words for emphasis ("SECRET sale",
// "TOP SECRET offers"); their subject is then scanned as
// TextKind::kBulkSubject, where only a bare level word without a
// separator is doubted. "Precedence: list" and List-Id alone do not count:
// a team's discussion list (Mailman, Sympa, Google Groups) carries them on
// the copies of its members' mail, marked mail included (issue 13,
// breaker round 13 defect 3).
// Pure functions; names are compared without case.
#ifndef NEARMISS_CONTENT_BULK_MAIL_H_
#define NEARMISS_CONTENT_BULK_MAIL_H_

#include <string_view>

namespace nearmiss::content {

// One header of the message: whether it marks the message as bulk mail.
// `value` is the raw (possibly folded) header value.
bool IsBulkMailHeader(std::string_view name, std::string_view value);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_BULK_MAIL_H_
