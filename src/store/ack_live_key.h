// One warning, at most one live acknowledgement (schema 9; issue 14, round
// 43's tester, finding 1): two "Send anyway" posts at once (a double click,
// two add-ins, two serve nodes on one PostgreSQL) made two live rows of one
// warning, and revoking one left the other settling it.
//
// The live key is the warning an acknowledgement settles (acknowledgement.h):
// sender, recipient, domain, reasons, suggestion and typo_kind. A partial
// unique index over it, on the rows neither revoked (revoked_at = 0) nor
// replaced (replaced_by = 0), makes the database refuse a second one, on
// SQLite and PostgreSQL alike. A row whose time ran out is replaced by the
// next acknowledgement of its warning (replaced_by = the new id).
#ifndef NEARMISS_STORE_ACK_LIVE_KEY_H_
#define NEARMISS_STORE_ACK_LIVE_KEY_H_

#include "store/sql.h"

namespace nearmiss::store {

// The live key's columns, in the index's order.
inline constexpr const char* kAckLiveKeyColumns =
    "sender, recipient, domain, reasons, suggestion, typo_kind";

// Migration 9's part in C++, inside its transaction: every group of rows of
// one warning that are neither revoked nor replaced is folded into one, the
// one that holds longest (latest expires_at, then the newest id); the others
// get replaced_by = its id, and each fold is written to nm_admin_event
// (action "revoke", role "system", who "nearmiss schema migration 9") so
// `audit --events` and the console say what became of them. Then the
// partial unique index is made.
Status FoldDuplicateAcknowledgements(Connection& conn);

}  // namespace nearmiss::store

#endif  // NEARMISS_STORE_ACK_LIVE_KEY_H_
