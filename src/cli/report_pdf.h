// The investigation report as PDF: the HTML report printed by headless
// Chromium (`--headless --print-to-pdf`), so the PDF is the page an
// investigator sees, with the page break after the summary that the
// stylesheet asks for (@media print).
//
// Chromium runs with no network use beyond the local file (the report has
// no external assets) and, as root, without its sandbox (it refuses to
// start otherwise). Thread safety: a free function; it waits for Chromium.
#ifndef NEARMISS_CLI_REPORT_PDF_H_
#define NEARMISS_CLI_REPORT_PDF_H_

#include <string>
#include <string_view>

#include "nearmiss/status.h"

namespace nearmiss::cli {

// Prints `html` (a whole report page) to `pdf_path` with the Chromium at
// `chromium` (a path or a name looked up in PATH). IoError naming what
// failed: the PDF path not writable (WriteReportFile), the temporary
// file, starting Chromium, its exit status, or a PDF empty or not whole
// (not "%PDF-" first, "%%EOF" last); then nothing is left at `pdf_path`.
Status PrintReportPdf(const std::string& html, const std::string& pdf_path,
                      const std::string& chromium);

// Writes `bytes` to `path` (created or truncated). IoError "PATH: cannot
// write the WHAT: REASON" with strerror(3)'s reason, and for a missing
// directory which one is missing. PrintReportPdf calls it with no bytes
// first, so an unwritable PDF path is said before Chromium runs.
Status WriteReportFile(const std::string& path, std::string_view bytes, std::string_view what);

}  // namespace nearmiss::cli

#endif  // NEARMISS_CLI_REPORT_PDF_H_
