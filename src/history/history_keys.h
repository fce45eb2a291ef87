// How the history names an address and a delivery, the same whichever
// source (Postfix log, trace, Sent folder, CSV export) it was read from, so
// one delivery read from two of them counts once (learn.h).
//
// Thread safety: pure functions.
#ifndef NEARMISS_HISTORY_HISTORY_KEYS_H_
#define NEARMISS_HISTORY_HISTORY_KEYS_H_

#include <string>
#include <string_view>

#include "nearmiss/address.h"

namespace nearmiss::history {

// An address as the history keeps it: canonical and folded to lower case
// whole, as the log reader folds what it reads (SentSink), so one person is
// one relationship whichever source names them and however they were
// written; acknowledgements compare by the same rule (Acknowledgement::
// Covers). "" when `entry` is no address (RFC 5322 addr-spec).
std::string Canonical(std::string_view entry);

// "Bob@Bücher.DE." -> "bob@xn--bcher-kva.de": a logged or traced address as
// the history keeps it, folded whole like Canonical and with its domain as
// audit names it (address::NormalDomain: UTS #46 A-label, lower case, no
// root dot), so a log line, a trace row, a Sent folder and a CSV export of
// one delivery are one relationship, and the store holds only A-labels (the
// engine's trusted set accepts nothing else). False when the domain is no
// domain name (an address literal, a bad IDN): `*out` is then only folded.
// `scratch` is reused between calls.
bool HistoryAddress(std::string_view address, Domain* scratch, std::string* out);

// The key of a delivery named by its message: the Message-ID (RFC 5322
// section 3.6.4, without angle brackets; its id-right, a domain, folded to
// lower case) and the recipient, folded as the history folds addresses. Logs, mailboxes and CSV exports all use it, so
// the same message to the same recipient counts once whichever is read.
std::string DeliveryKey(std::string_view message_id, std::string_view recipient);

}  // namespace nearmiss::history

#endif  // NEARMISS_HISTORY_HISTORY_KEYS_H_
