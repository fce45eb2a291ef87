// The Resent- fields of a message re-sent as it stands (RFC 5322 section
// 3.6.6: mutt's bounce, `formail -R`, a resend script): who re-sent it,
// when, under which Message-ID, and to whom.
//
// Each resending adds a block of Resent- fields above the older ones, so
// the topmost Resent-From (or Resent-Sender), Resent-Date and
// Resent-Message-ID are this copy's; its recipients are the Resent-To,
// Resent-Cc and Resent-Bcc fields, which Postfix's cleanup(8) extracts
// instead of To, Cc and Bcc when the message has Resent- headers
// (`sendmail -t`): the original To was the author's, written to before.
//
// Thread safety: a pure function over its arguments.
#ifndef NEARMISS_CONTENT_RESENT_FIELDS_H_
#define NEARMISS_CONTENT_RESENT_FIELDS_H_

#include <string>
#include <vector>

#include "content/message_walker.h"
#include "nearmiss/content_reader.h"

namespace nearmiss::content {

// When `headers` (a message's own fields, in order) hold a Resent-From,
// Resent-Sender, Resent-Date or Resent-Message-ID, sets `out`'s from, date
// and message_id from the topmost of each (a field unreadable or absent
// leaves the original's) and `out->resent`. `resent_to`, `resent_cc` and
// `resent_bcc` are the values of every Resent-To, -Cc and -Bcc field
// (unfolded); when any is non-empty they become `out`'s to, cc and bcc.
void ApplyResentFields(const std::vector<HeaderView>& headers, std::vector<std::string> resent_to,
                       std::vector<std::string> resent_cc, std::vector<std::string> resent_bcc,
                       ScannedMessage* out);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_RESENT_FIELDS_H_
