// PDF text through poppler-cpp. Pages are separated by form feeds so that a
// banner line at the top or bottom of any page counts as a banner.
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <climits>
#include <memory>
#include <mutex>

#include "content/extract.h"

namespace nearmiss::content {
namespace {

void Quiet(const std::string& /*message*/, void* /*closure*/) {}

}  // namespace

Extracted ExtractPdf(std::string_view name, std::string_view bytes,
                     ExtractBudget& budget) {
  Extracted out;
  // Poppler writes parse complaints to stderr by default; ours go to errors.
  static std::once_flag quiet;
  std::call_once(quiet, [] { poppler::set_debug_error_function(&Quiet, nullptr); });
  if (bytes.size() > INT_MAX) {
    out.errors.push_back(std::string(name) + ": PDF too large");
    return out;
  }
  try {
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(
        bytes.data(), static_cast<int>(bytes.size())));
    if (!doc) {
      out.errors.push_back(std::string(name) + ": PDF could not be parsed");
      return out;
    }
    // Locked: a user password is needed to open it (an owner password
    // alone leaves the text readable). The policy decides, as for an
    // encrypted zip member.
    if (doc->is_locked()) {
      out.encrypted = true;
      return out;
    }
    std::size_t used = 0;
    for (int i = 0; i < doc->pages(); ++i) {
      if (budget.TimeUp()) {
        out.limits.push_back({"max-extraction-time",
                              std::string(name) + ": stopped at page " +
                                  std::to_string(i + 1)});
        break;
      }
      std::unique_ptr<poppler::page> page(doc->create_page(i));
      if (!page) continue;
      poppler::byte_array utf8 = page->text().to_utf8();
      if (used + utf8.size() > budget.per_attachment_bytes ||
          utf8.size() > budget.total_bytes_left) {
        out.limits.push_back({"max-attachment-bytes",
                              std::string(name) + ": text exceeds budget at page " +
                                  std::to_string(i + 1)});
        break;
      }
      used += utf8.size();
      budget.total_bytes_left -= utf8.size();
      out.text.append(utf8.data(), utf8.size());
      out.text.push_back('\f');
    }
    out.has_text = true;
  } catch (const std::exception& e) {
    out.errors.push_back(std::string(name) + ": PDF extraction failed: " +
                         e.what());
  }
  return out;
}

}  // namespace nearmiss::content
