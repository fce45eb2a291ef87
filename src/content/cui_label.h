// "CUI" as a label, not a marking (position_banner.cc asks).
#ifndef NEARMISS_CONTENT_CUI_LABEL_H_
#define NEARMISS_CONTENT_CUI_LABEL_H_

#include <cstddef>
#include <string_view>

namespace nearmiss::content {

// A bare "CUI" labelling a code: in a cell whose next cell opens with a
// code holding a digit ("CUI | RO12345678"), or alone on a line with the
// code on the very next line: a Romanian invoice's company tax code (Cod
// Unic de Inregistrare), not a US CUI banner, which stands alone over the
// text or with its "//" categories (32 CFR 2002.20; tester 13 item 18).
// `after` is the rest of the marking's line; `line_end` where it ends.
bool IsCuiLabelForCode(std::string_view text, std::size_t begin, std::size_t end,
                       std::string_view after, std::size_t line_end);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_CUI_LABEL_H_
