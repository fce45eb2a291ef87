// NaturalLess: file names in the order a person numbers them, so an
// Exchange set "MSGTRK2025110301-2.LOG" comes before "...-10.LOG" and a
// directory's "mail-9.log" before "mail-10.log" (plain byte order puts
// "1" before "2" before "9", whatever follows).
//
// Runs of ASCII digits compare by value (leading zeros ignored: "007" and
// "7" tie there), everything else byte by byte; names equal that way are
// ordered by their bytes, so the order is total and sorting is stable
// across runs.
//
// Thread safety: pure function.
#ifndef NEARMISS_MAILLOG_NATURAL_ORDER_H_
#define NEARMISS_MAILLOG_NATURAL_ORDER_H_

#include <string_view>

namespace nearmiss::maillog {

bool NaturalLess(std::string_view a, std::string_view b);

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_NATURAL_ORDER_H_
