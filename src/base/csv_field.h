// One CSV field for a file a person opens in a spreadsheet (the audit's
// --csv rows, permute's --format csv).
//
// Quoting follows RFC 4180 §2 (a field with a comma, quote, CR or LF is
// quoted; a quote inside is doubled). A field that starts with '=', '+',
// '-', '@', a tab or a CR is also prefixed with a single quote: Excel,
// LibreOffice Calc and Google Sheets read such a cell as a formula (CSV
// injection, OWASP "CSV Injection"), and a recipient's local part such as
// `=HYPERLINK(...)@army.ml` comes from the log, i.e. from whoever sent the
// mail. The ' shows in the cell; the value stays readable and inert.
//
// Thread safety: a pure function.
#ifndef NEARMISS_BASE_CSV_FIELD_H_
#define NEARMISS_BASE_CSV_FIELD_H_

#include <string>
#include <string_view>

namespace nearmiss {

std::string CsvField(std::string_view value);

}  // namespace nearmiss

#endif  // NEARMISS_BASE_CSV_FIELD_H_
