#include "content/csv_text.h"

#include <csv.h>

#include <algorithm>
#include <cctype>
#include <vector>

#include "base/ascii.h"

namespace nearmiss::content {
namespace {

struct Sheet {
  std::string* text = nullptr;
  bool first_field = true;
  std::size_t column = 0;
  bool header_seen = false;           // a record named a clearance column
  bool header_record = false;         // the record being read is that one
  std::vector<bool> clearance;        // by column
};

void OnField(void* data, std::size_t length, void* self) {
  auto* sheet = static_cast<Sheet*>(self);
  if (!sheet->first_field) sheet->text->push_back('\t');
  sheet->first_field = false;
  std::string_view cell =
      data != nullptr ? std::string_view(static_cast<const char*>(data), length) : "";
  std::size_t column = sheet->column++;
  if (!sheet->header_seen || sheet->header_record) {
    if (IsClearanceHeading(cell)) {
      if (sheet->clearance.size() <= column) sheet->clearance.resize(column + 1);
      sheet->clearance[column] = true;
      sheet->header_record = true;
    }
  } else if (column < sheet->clearance.size() && sheet->clearance[column] &&
             !cell.empty()) {
    // A value under a clearance heading states a person's clearance, not
    // the sheet's marking: written as the labelled field a clearance is
    // ("Clearance: SECRET", position.h AboutClearance), so it stays a
    // weak finding (round 41 item 7).
    sheet->text->append("Clearance: ");
  }
  sheet->text->append(cell);
}

void OnRecord(int /*terminator*/, void* self) {
  auto* sheet = static_cast<Sheet*>(self);
  // Each record a page: a marking alone in its cell is a field's whole
  // value, as strong on the thousandth row as on the first
  // (field_values.h; round 55's tester 13, finding 1).
  sheet->text->push_back('\f');
  sheet->first_field = true;
  sheet->column = 0;
  if (sheet->header_record) sheet->header_seen = true;
  sheet->header_record = false;
}

}  // namespace

bool IsClearanceHeading(std::string_view cell) {
  std::string lower;
  int words = 0;
  bool in_word = false;
  for (char c : cell) {
    bool blank = c == ' ' || c == '\t' || c == '_' || c == '-';
    if (!blank && !in_word) ++words;
    in_word = !blank;
    lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return words >= 1 && words <= 3 &&
         (lower.find("clearance") != std::string::npos ||
          lower.find("vetting") != std::string::npos);
}

bool IsCsvName(std::string_view name) {
  return EndsWithNoCase(name, ".csv") || EndsWithNoCase(name, ".xls");
}

bool CsvToText(std::string_view csv, std::string* out) {
  const std::string_view first = csv.substr(0, csv.find('\n'));
  const auto commas = std::count(first.begin(), first.end(), ',');
  const auto semicolons = std::count(first.begin(), first.end(), ';');
  if (commas == 0 && semicolons == 0) return false;
  csv_parser parser;
  // Not strict: a stray quote in a field is kept, as Excel reads it.
  if (csv_init(&parser, 0) != 0) return false;
  csv_set_delim(&parser, semicolons > commas ? ';' : ',');
  std::string text;
  text.reserve(csv.size());
  Sheet sheet;
  sheet.text = &text;
  csv_parse(&parser, csv.data(), csv.size(), &OnField, &OnRecord, &sheet);
  csv_fini(&parser, &OnField, &OnRecord, &sheet);
  csv_free(&parser);
  *out = std::move(text);
  return true;
}

}  // namespace nearmiss::content
