// The names a scan reports, made safe to show: a zip member, an attachment
// or a label is named by whoever made the message, and a name with a
// carriage return, an escape sequence or a bidirectional override in it
// would rewrite the line a person reads in `nearmiss scan`, `policy
// explain`, the milter's log and the reason a held message gives (round
// 52's tester 13, finding 4). Every such character is written "\xNN"
// (TerminalText, base/line_text.h); the rest of a name is left as it is.
//
// Thread safety: pure function of its argument.
#ifndef NEARMISS_CONTENT_SHOWN_NAMES_H_
#define NEARMISS_CONTENT_SHOWN_NAMES_H_

#include "nearmiss/content_reader.h"

namespace nearmiss::content {

// Escapes, in place, what a scan reports of the message's names: each
// finding's marking (a label's own name), place (`where`, which holds
// attachment and member names), part (`place`) and text, each attachment's
// name, and each error (which names the part it is about). TerminalText is
// idempotent, so a name escaped twice reads the same.
void EscapeShownNames(ScannedMessage* m);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_SHOWN_NAMES_H_
