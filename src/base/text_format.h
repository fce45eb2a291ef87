// Small text formatters the shells share: HTML escaping for pages built on
// the server (the confirm pages, the audit report) and UTC times.
//
// Thread safety: pure functions.
#ifndef NEARMISS_BASE_TEXT_FORMAT_H_
#define NEARMISS_BASE_TEXT_FORMAT_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace nearmiss {

// Escapes &, <, >, " and ' (safe in text and in quoted attribute values).
std::string HtmlEscape(std::string_view text);

// `unix_seconds` in UTC through strftime(3)'s `format`
// ("%Y-%m-%d %H:%M UTC"; RFC 5322's "%a, %d %b %Y %H:%M:%S +0000").
std::string FormatUtc(int64_t unix_seconds, const char* format);

}  // namespace nearmiss

#endif  // NEARMISS_BASE_TEXT_FORMAT_H_
