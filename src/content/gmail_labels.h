// Gmail's labels on a message of a Google Takeout mbox (X-Gmail-Labels:
// "Inbox,Sent,Opened"). A Takeout mbox is the whole mailbox, received mail
// too: only a message Gmail labelled Sent was sent from it (Gmail Help,
// "Download your Gmail data"), which `learn` and `audit` read as sent.
//
// Thread safety: pure functions.
#ifndef NEARMISS_CONTENT_GMAIL_LABELS_H_
#define NEARMISS_CONTENT_GMAIL_LABELS_H_

#include <string_view>

namespace nearmiss::content {

// Whether Gmail's labels (comma separated, a label with a comma in it
// quoted) include its system label Sent, in any case. Takeout writes
// system labels in English whatever the account's language.
bool HasSentLabel(std::string_view labels);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_GMAIL_LABELS_H_
