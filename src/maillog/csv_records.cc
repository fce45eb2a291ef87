#include "maillog/csv_records.h"

#include <csv.h>

#include <memory>

namespace nearmiss::maillog {

CsvRecords::CsvRecords(RecordFn record, DirectiveFn directive)
    : record_(std::move(record)), directive_(std::move(directive)), parser_(new csv_parser) {
  // Not strict: a stray quote inside an unquoted field is kept as text, as
  // spreadsheet programs do, rather than losing the record.
  csv_init(parser_, CSV_APPEND_NULL);
}

CsvRecords::~CsvRecords() {
  csv_free(parser_);
  delete parser_;
}

bool CsvRecords::inside_record() const {
  // libcsv's state 0 is "row not begun" (libcsv.c ROW_NOT_BEGUN).
  return parser_->pstate != 0 || started_;
}

void CsvRecords::SetDelimiter(char delimiter) {
  delimiter_ = delimiter;
  csv_set_delim(parser_, static_cast<unsigned char>(delimiter));
}

void CsvRecords::Reset() {
  csv_free(parser_);
  csv_init(parser_, CSV_APPEND_NULL);
  csv_set_delim(parser_, static_cast<unsigned char>(delimiter_));
  fields_.clear();
  used_ = 0;
  started_ = false;
}

void CsvRecords::OnField(void* data, size_t len, void* self) {
  auto* r = static_cast<CsvRecords*>(self);
  // The previous record's strings are reused, their buffers kept: a
  // trace's records have the same fields, so a long one (a Message-ID, a
  // subject) allocates once, not once per record (callgrind: malloc and
  // free were the CSV readers' largest cost; issue-16 tester round 34,
  // item 9).
  const char* text = static_cast<const char*>(data);
  const size_t n = data == nullptr ? 0 : len;
  if (r->used_ < r->fields_.size()) {
    r->fields_[r->used_].assign(text, n);
  } else {
    r->fields_.emplace_back(text, n);
  }
  ++r->used_;
}

void CsvRecords::OnRecord(int /*terminator*/, void* self) {
  auto* r = static_cast<CsvRecords*>(self);
  if (r->used_ < r->fields_.size()) r->fields_.resize(r->used_);
  if (!r->fields_.empty()) r->record_(r->fields_, r->record_line_);
  r->used_ = 0;
  r->started_ = false;
}

void CsvRecords::Feed(std::string_view line) {
  ++line_;
  if (!inside_record()) {
    if (line.starts_with('#')) {
      directive_(line, line_);
      return;
    }
    if (line.empty()) return;
    record_line_ = line_;
  }
  started_ = true;
  csv_parse(parser_, line.data(), line.size(), OnField, OnRecord, this);
  // The line break the caller took off ends the record unless a quoted
  // field is still open (then it is part of that field).
  csv_parse(parser_, "\n", 1, OnField, OnRecord, this);
  if (parser_->pstate == 0) started_ = false;
}

bool CsvRecords::Finish() {
  bool cut = inside_record();
  csv_fini(parser_, OnField, OnRecord, this);
  started_ = false;
  return cut;
}

std::vector<std::string> SplitCsvLine(std::string_view line, char delimiter) {
  std::vector<std::string> out;
  CsvRecords r([&out](const std::vector<std::string>& f, uint64_t) { out = f; },
               [](std::string_view, uint64_t) {});
  r.SetDelimiter(delimiter);
  r.Feed(line);
  r.Finish();
  return out;
}

}  // namespace nearmiss::maillog
