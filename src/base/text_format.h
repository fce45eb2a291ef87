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

// `n` in digits grouped by three with commas, for a person to read
// ("900,000"; "-1,234"). Output a program reads (JSON, CSV) keeps plain
// numbers, and so do line numbers ("maillog:1234").
std::string Thousands(int64_t n);

// The noun that agrees with `n` ("1 messages" read as a bug): `one` for 1, else `many` when
// given, else `one`'s plural: "deliveries", "addresses", "files" (text_format.cc).
std::string Noun(uint64_t n, std::string_view one, std::string_view many = {});
// "1 file", "2 files", "1,234 files": Thousands(n) and Noun(n, one, many).
std::string Counted(uint64_t n, std::string_view one, std::string_view many = {});

}  // namespace nearmiss

#endif  // NEARMISS_BASE_TEXT_FORMAT_H_
