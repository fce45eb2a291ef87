// A CSV file's text as a sheet shows it: each record a line, its fields
// cells. Read as plain text, "Classification,OFFICIAL-SENSITIVE" was one
// word run, where the same row saved from a sheet as .xlsx is two cells and
// the marking cell reads (tester 13 item 6).
#ifndef NEARMISS_CONTENT_CSV_TEXT_H_
#define NEARMISS_CONTENT_CSV_TEXT_H_

#include <string>
#include <string_view>

namespace nearmiss::content {

// True for a name ending ".csv" (any case): Excel's "CSV" saves, and what
// mail clients name a text/csv part; and ".xls": a text file so named is a
// CSV that Excel opens as a sheet (after its "format and extension don't
// match" warning), as reporting tools and web exports send them (a real
// .xls is a Compound File, unread: extract.h UnreadFormat).
bool IsCsvName(std::string_view name);

// `csv`'s records (RFC 4180, parsed by libcsv: quoted fields with
// separators, doubled quotes and line breaks inside) in `*out`, one a page (a form feed after each),
// fields joined by a tab: the cell break the text rules read (normalize.h).
// The separator is the one of ',' and ';' the first line holds more of:
// Excel writes the list separator of the sender's locale (';' where the
// decimal mark is a comma). False, `*out` untouched, when the first line
// holds neither (one column, or tab-separated text: read as it is).
// Under a header cell naming people's clearances ("Clearance", "Security
// clearance", "Vetting"), each value is written "Clearance: <value>": a
// staff list's "SECRET" or "TS/SCI" states a clearance, not the file's
// marking (round 41 item 7); a banner row above the header still reads.
bool CsvToText(std::string_view csv, std::string* out);

// Whether a sheet's header cell names a column of people's clearances:
// "Clearance", "Security clearance", "Clearance level", "Vetting",
// "Vetting status" (UK NSV: BPSS, CTC, SC, DV), any case, at most three
// words (CSV here, XLSX in sheet_text.h).
bool IsClearanceHeading(std::string_view cell);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_CSV_TEXT_H_
