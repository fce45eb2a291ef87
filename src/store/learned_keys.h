// The keys of learned deliveries (Delivery::key, nm_learned) as the store
// compares them, and migration 6, which brings the keys older versions
// wrote to that form.
//
// A "msgid:MESSAGE-ID RCPT" key names a delivery by its Message-ID (RFC
// 5322 section 3.6.4, without angle brackets). The msg-id's id-right is a
// domain or a domain literal, whose case tools write as they like (an
// Exchange host EX01.MOD.EXAMPLE in one export, ex01.mod.example in
// another; issue 14 breaker, round 5, item 7): it is folded to lower case.
// The id-left is compared as written (a base64 id-left differs by case).
//
// Thread safety: pure functions; FoldLearnedKeys runs on the caller's
// connection, inside the migration's transaction.
#ifndef NEARMISS_STORE_LEARNED_KEYS_H_
#define NEARMISS_STORE_LEARNED_KEYS_H_

#include <string>
#include <string_view>

#include "store/sql.h"

namespace nearmiss::store {

// "ABC.123@EX01.MOD.EXAMPLE" -> "ABC.123@ex01.mod.example": the id-right
// (after the last '@') folded, ASCII only; an id with no '@' as it is.
std::string FoldMessageId(std::string_view message_id);

// A stored key in the form FoldMessageId gives its Message-ID:
// "msgid:abc@EXAMPLE.COM bob@x.org" -> "msgid:abc@example.com bob@x.org".
// The Message-ID ends at the first blank after its first '@' (an id-right
// holds no blank; the recipient, lower case already, may, quoted). A key of
// another kind ("log:...", "nomsgid:...") or with no such blank is returned
// as it is.
std::string FoldStoredKey(std::string_view key);

// Migration 6: every nm_learned key written before the id-right was folded
// (an upper-case Message-ID domain, as versions before schema 6 could
// store) is replaced by its folded form, keeping its time; when both forms
// are stored (one delivery learned before and after), the folded row is
// kept. Reads the keys in pages, so a large store is not held in memory.
Status FoldLearnedKeys(Connection& conn);

}  // namespace nearmiss::store

#endif  // NEARMISS_STORE_LEARNED_KEYS_H_
