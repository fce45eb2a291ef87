#include "base/csv_field.h"

namespace nearmiss {

std::string CsvField(std::string_view value) {
  std::string v;
  // The characters a spreadsheet takes as the start of a formula.
  if (!value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos) {
    v = "'";
  }
  v.append(value);
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace nearmiss
