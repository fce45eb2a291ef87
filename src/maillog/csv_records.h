// CsvRecords: RFC 4180 records (quoted fields with commas, doubled quotes
// and line breaks inside) from a file fed one line at a time, parsed by
// libcsv (Debian libcsv-dev). Lines starting with '#' between records are
// directives (Exchange's "#Fields: ..."), handed over as they are.
//
// Thread safety: one CsvRecords per reader.
#ifndef NEARMISS_MAILLOG_CSV_RECORDS_H_
#define NEARMISS_MAILLOG_CSV_RECORDS_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

struct csv_parser;

namespace nearmiss::maillog {

class CsvRecords {
 public:
  // `record` gets each record's fields and the line number (1-based) it
  // starts on; `directive` gets a '#' line outside a record and its line
  // number.
  using RecordFn = std::function<void(const std::vector<std::string>& fields, uint64_t line)>;
  using DirectiveFn = std::function<void(std::string_view text, uint64_t line)>;
  CsvRecords(RecordFn record, DirectiveFn directive);
  ~CsvRecords();
  CsvRecords(const CsvRecords&) = delete;
  CsvRecords& operator=(const CsvRecords&) = delete;

  // One line without its line break.
  void Feed(std::string_view line);
  // End of input: a record cut short by the end (an unclosed quote) is
  // still handed over; true when there was one.
  bool Finish();
  // True between the lines of a record whose quoted field spans lines.
  bool inside_record() const;
  // Drops the record being read (a quote left open where records are one
  // line each) and starts afresh at the next line.
  void Reset();
  // The field separator from the next record on: ',' (RFC 4180) by
  // default, ';' as Export-Csv -UseCulture and Excel write it where the
  // comma is the decimal mark (de-DE, fr-FR, nl-NL).
  void SetDelimiter(char delimiter);

 private:
  static void OnField(void* data, size_t len, void* self);
  static void OnRecord(int terminator, void* self);

  RecordFn record_;
  DirectiveFn directive_;
  csv_parser* parser_;
  std::vector<std::string> fields_;
  size_t used_ = 0;  // fields_ of the record being read; the rest are spare
  uint64_t line_ = 0;          // lines fed
  uint64_t record_line_ = 0;   // where the record being read started
  bool started_ = false;       // a record has begun (a field or a quote)
  char delimiter_ = ',';
};

// Splits one line that holds a whole record ("a,\"b,c\"") with the same
// rules; for headers and tests.
std::vector<std::string> SplitCsvLine(std::string_view line, char delimiter = ',');

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_CSV_RECORDS_H_
