// A file name's extension test shared by the readers that choose a format
// by name (extract.cc, archive_kind.cc).
#ifndef NEARMISS_CONTENT_FILE_SUFFIX_H_
#define NEARMISS_CONTENT_FILE_SUFFIX_H_

#include <initializer_list>
#include <string_view>

#include "base/ascii.h"

namespace nearmiss::content {

// Whether `name` ends with one of `suffixes`, ASCII case aside
// ("REPORT.TXT" ends with ".txt").
inline bool AnySuffix(std::string_view name, std::initializer_list<std::string_view> suffixes) {
  for (std::string_view s : suffixes) {
    if (EndsWithNoCase(name, s)) return true;
  }
  return false;
}

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_FILE_SUFFIX_H_
