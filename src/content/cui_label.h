// "CUI" as a label, not a marking: Romania's company tax code (Cod Unic de
// Inregistrare, Law 359/2004 art. 12; written "CUI RO12345678" on every
// invoice, Fiscal Code art. 319), which shares its letters with the US CUI
// banner (32 CFR 2002.20: "CUI" alone over the text, or with its "//"
// categories). position_banner.cc, marking_strength.cc and
// Sensitivity::Corroborate ask.
#ifndef NEARMISS_CONTENT_CUI_LABEL_H_
#define NEARMISS_CONTENT_CUI_LABEL_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "nearmiss/content_sensitivity.h"

namespace nearmiss::content {

// A bare "CUI" labelling a code: in a cell whose next cell opens with a
// code holding a digit ("CUI | RO12345678"), or alone on a line with the
// code on the very next line: a Romanian invoice's company tax code, not a
// US CUI banner (tester 13 item 18).
// `after` is the rest of the marking's line; `line_end` where it ends.
bool IsCuiLabelForCode(std::string_view text, std::size_t begin, std::size_t end,
                       std::string_view after, std::size_t line_end);

// The why of a CUI read as the tax code or Guatemala's identity code
// (CuiNamesTaxCode).
inline constexpr std::string_view kCuiTaxCodeWhy =
    "a Romanian company's tax code or Guatemala's identity code (CUI), not the CUI banner";

// Whether the "CUI" at `begin` of `text` (a subject, a body, a file name)
// names the Romanian tax code, on its own line: the code after it, past a
// separator or "nr." ("CUI: RO12345678", "CUI - 12345678", "CUI nr.
// 1234567"; "RO" and 2 to 10 digits, or 5 to 10 digits alone: a year is
// no code; or Guatemala's 13-digit CUI, "2345 67890 0101"); the Romanian article ("CUI-ul firmei"); an invoice's Romanian
// words on its line ("Factura, CUI ...", "CUI: cod fiscal", "SRL", "TVA");
// or the English words for an identifier ("the CUI of your company", "CUI
// number", "your CUI"). "CUI//SP-PRVCY", "CUI - FY2026 budget" and "CUI:
// 2026 contract specifications" are not (round 54's tester 13, finding 7).
bool CuiNamesTaxCode(std::string_view text, std::size_t begin);

// A message whose texts read CUI as the tax code (a finding of
// kCuiTaxCodeWhy) and that holds no CUI marking outside its subject: the
// bare "CUI" leading its subject ("CUI", "Re: CUI" over "can you send me
// the CUI of your company for the invoice?") is that code, not the banner:
// made weak, and `level` recomputed. A banner form ("CUI//SP-PRVCY") keeps
// its weight (round 54's tester 13, finding 7).
void SettleCuiTaxCodeSubject(std::vector<Finding>* findings, Level* level);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_CUI_LABEL_H_
