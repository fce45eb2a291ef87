#include "content/csv_text.h"

#include <csv.h>

#include <algorithm>

#include "base/ascii.h"

namespace nearmiss::content {
namespace {

struct Sheet {
  std::string* text;
  bool first_field = true;
};

void OnField(void* data, std::size_t length, void* self) {
  auto* sheet = static_cast<Sheet*>(self);
  if (!sheet->first_field) sheet->text->push_back('\t');
  sheet->first_field = false;
  if (data != nullptr) sheet->text->append(static_cast<const char*>(data), length);
}

void OnRecord(int /*terminator*/, void* self) {
  auto* sheet = static_cast<Sheet*>(self);
  sheet->text->push_back('\n');
  sheet->first_field = true;
}

}  // namespace

bool IsCsvName(std::string_view name) { return EndsWithNoCase(name, ".csv"); }

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
  Sheet sheet{&text};
  csv_parse(&parser, csv.data(), csv.size(), &OnField, &OnRecord, &sheet);
  csv_fini(&parser, &OnField, &OnRecord, &sheet);
  csv_free(&parser);
  *out = std::move(text);
  return true;
}

}  // namespace nearmiss::content
