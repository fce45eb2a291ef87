// IsBulkMailHeader (bulk_mail.h).
#include "content/bulk_mail.h"

#include "base/ascii.h"
#include "content/line_text.h"

namespace nearmiss::content {

bool IsBulkMailHeader(std::string_view name, std::string_view value) {
  if (EqualsNoCase(name, "List-Unsubscribe") ||
      EqualsNoCase(name, "List-Unsubscribe-Post")) {
    return true;
  }
  if (!EqualsNoCase(name, "Precedence")) return false;
  while (!value.empty() && (IsBlank(value.front()) || value.front() == '\r' ||
                            value.front() == '\n')) {
    value.remove_prefix(1);
  }
  for (std::string_view kind : {"bulk", "junk"}) {
    if (StartsWithNoCaseAt(value, 0, kind) &&
        (value.size() == kind.size() || !IsAlpha(value[kind.size()]))) {
      return true;
    }
  }
  return false;
}

}  // namespace nearmiss::content
