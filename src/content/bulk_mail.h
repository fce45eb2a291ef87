// Whether a message is bulk or list mail, by the headers that say so:
// RFC 2369 List-Unsubscribe (and RFC 8058 List-Unsubscribe-Post, which
// needs it) and the de facto "Precedence: bulk", "list" or "junk" (RFC 3834
// section 5 names it as what list and bulk mailers write). Newsletters and
// offers shout level words for emphasis ("SECRET sale", "TOP SECRET
// offers"); their subject is then scanned as TextKind::kBulkSubject.
// List-Id alone does not count: discussion lists of a team carry it too,
// and mail between colleagues keeps its subject rule.
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
