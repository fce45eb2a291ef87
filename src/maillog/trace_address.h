// The addresses in one cell of a Microsoft trace (Exchange message
// tracking's recipient-address and sender-address, Microsoft 365's
// RecipientAddress / SenderAddress / Recipient / Sender, historical
// search's recipient_status address): a cell is one address by the
// documentation, but exports and hand-edited files hold lists, and a list
// read as one address would be judged by the text after its last '@' (a
// look-alike before it would vanish: breaker round 3 §1).
//
// Thread safety: pure functions; views point into the cell.
#ifndef NEARMISS_MAILLOG_TRACE_ADDRESS_H_
#define NEARMISS_MAILLOG_TRACE_ADDRESS_H_

#include <string_view>
#include <vector>

namespace nearmiss::maillog {

// The addresses of `cell`, in order, appended to `*out`: pieces between
// ';' or ',' outside double quotes and angle brackets (Exchange's own
// separator is ';'; Export-Csv's "-join ','" and Excel's edits give ','),
// then, in a piece that is no display-name form, between blanks outside
// quotes (PowerShell's "$($_.Recipients)" joins with blanks). A piece in
// display-name form ("Frank <frank@army.ml>", RFC 5322 3.4 name-addr)
// gives the address inside its last '<...>'; a bare address loses any
// enclosing '<' '>'. A list or a piece wrapped as PowerShell or JSON
// writes one ("{a, b}", "[a]", "\"a\"") is unwrapped first. Empty pieces
// (a trailing ';') give nothing. Nothing
// is checked here: TraceAddressValid says whether each piece is one
// address.
void SplitTraceAddresses(std::string_view cell, std::vector<std::string_view>* out);

// True when `address` is one SMTP address: a local part that is a
// dot-atom of RFC 5322 atext (3.2.3; UTF-8 bytes allowed, RFC 6531) or a
// quoted string (RFC 5321 4.1.2), exactly one '@' outside quotes, and a
// domain JudgeableRecipient accepts (postfix_fields.h). So "a@b@army.ml",
// "gina@army.ml;hank@x" or "a,b@army.ml" (unquoted specials) are not one
// address and must never be judged by the text after their last '@': the
// caller counts the row as not understood (an input error).
bool TraceAddressValid(std::string_view address);

// The one address of a sender cell: "" for an empty cell (or "<>", the
// null sender of a bounce, RFC 5321 4.5.5). *one is false when the cell
// holds several addresses or one that is not valid (TraceAddressValid):
// a list is no sender, and its last '@' names no sender's domain.
std::string_view OneTraceAddress(std::string_view cell, bool* one);

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_TRACE_ADDRESS_H_
