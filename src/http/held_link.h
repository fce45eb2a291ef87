// A held message as a confirm link and an audit record name it.
//
// A confirm link (confirm/link.h) was made for one held message. Postfix
// names a queued message by a queue id it reuses (short ids are built from
// the queue file's inode and time), so by the time the link is opened its
// queue id may name another message: one that took the id after the first
// was released or deleted. LinkFitOf compares the link with the message
// held under that id now, by the hold id the milter wrote into the tag
// header when it held the message, or, when it could write none, the
// Message-ID; a link that names neither (every token before version 4)
// cannot tell, and is refused. Issue-14 tester, round 42, items 3 and 15.
//
// Thread safety: pure functions.
#ifndef NEARMISS_HTTP_HELD_LINK_H_
#define NEARMISS_HTTP_HELD_LINK_H_

#include <string>
#include <string_view>

#include "confirm/link.h"
#include "http/postfix_queue.h"
#include "nearmiss/status.h"

namespace nearmiss::http {

enum class LinkFit {
  kSame,          // the link's message, from the link's sender: it may act
  kOtherMessage,  // another message has the queue id now (HTTP 409)
  kOtherSender,   // the link's message, but not the link's sender's (HTTP 403)
  kUnbound,       // the link names no message beyond its queue id (HTTP 409)
};

// How `link` fits `held`, the message in the hold queue under
// link.queue_id now. Senders compare ASCII case-insensitively; Message-IDs
// without angle brackets and surrounding blanks, exactly otherwise.
LinkFit LinkFitOf(const confirm::ConfirmLink& link, const HeldMessage& held);

// A Message-ID header's value as the milter records it: surrounding
// blanks and one pair of angle brackets taken off ("<a@b>" -> "a@b").
std::string BareMessageId(std::string_view value);

// Untrusted text (an envelope address, a subject) kept to one short line
// for the audit record: a character that breaks or reorders a line
// (line_text.h) shown as '?', and at most `max` bytes, cut on a character.
std::string OneLine(std::string_view s, size_t max);

// What a release or delete of a held message records: `done`, then whose
// message, to whom, about what and held by which rule, as read just before
// acting (after a delete the message is gone, and Postfix reuses queue
// ids). Issue 14 breaker, round 6, item 6. Read failing: said, not hidden.
std::string HeldEventDetail(std::string_view done, const Result<HeldMessage>& m);

}  // namespace nearmiss::http

#endif  // NEARMISS_HTTP_HELD_LINK_H_
