// One entry per mailbox in a POST /v1/check answer: the same address typed
// twice (x@gmal.com in To, x@gmal.com. in Cc, x@Gmal.Com in Bcc) is one
// mailbox, delivered once, and gets one verdict (round 58b's tester 15,
// finding 5).
//
// The mailbox is the recipient's `address` as the check reads it: the
// domain lower-cased and its trailing root dot dropped (RFC 1035 section
// 3.1: a domain name's case is not significant; an absolute name's final
// dot names the same domain); the local part kept as written, since RFC
// 5321 section 2.4 lets the receiving host tell "X" from "x". An entry
// whose address did not parse is keyed by its input.
//
// Backward compatible: every field of the kept entry stays; the entry that
// stands for several gets `covers`, the forms and fields it stands for.
// Two entries are folded only when their verdict and action agree (a rule
// on the field, `bcc`, may treat one copy otherwise: then both stay).
#ifndef NEARMISS_HTTP_RECIPIENT_FOLD_H_
#define NEARMISS_HTTP_RECIPIENT_FOLD_H_

#include <nlohmann/json.hpp>

namespace nearmiss::http {

// Folds `recipients` (a JSON array of the answer's recipient objects, each
// with `input`, `address`, `field`, `verdict` and `action`) in place: the
// first entry of each mailbox is kept, where it stood, with
// `covers`: [{"input": ..., "field": ...}, ...] (itself first) when it
// stands for more than one; the others are removed.
void FoldSameMailbox(nlohmann::ordered_json& recipients);

}  // namespace nearmiss::http

#endif  // NEARMISS_HTTP_RECIPIENT_FOLD_H_
