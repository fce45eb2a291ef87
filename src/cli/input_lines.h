// The lines of a list given on stdin (check's addresses), whatever a
// Windows tool saved it as: UTF-8 with or without a byte order mark, or
// UTF-16 with one (PowerShell 5's `>` and Out-File write UTF-16LE, "Unicode"
// in their words), converted by maillog/utf16.h as the log and CSV readers
// do (The Unicode Standard, 23.8: U+FEFF as EF BB BF, FF FE or FE FF).
// UTF-16 with no mark, NUL bytes in the text, cannot be read as addresses:
// a ParseError naming it, never a line of garbage judged as a recipient.
#ifndef NEARMISS_CLI_INPUT_LINES_H_
#define NEARMISS_CLI_INPUT_LINES_H_

#include <functional>
#include <istream>
#include <string>
#include <string_view>

#include "nearmiss/status.h"

namespace nearmiss::cli {

// Calls `line` for each line of `in` (no "\n" nor "\r\n"), in UTF-8.
// `shown` names the input in errors ("stdin"). Stops at the first error:
// invalid UTF-16 (with its byte offset) or NUL bytes with no mark.
Status ForEachInputLine(std::istream& in, std::string_view shown,
                        const std::function<void(std::string&)>& line);

}  // namespace nearmiss::cli

#endif  // NEARMISS_CLI_INPUT_LINES_H_
