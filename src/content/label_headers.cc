// Scanner::ScanHeader: label headers (Purview msip_labels, Titus, SIO-Label,
// X-Protective-Marking, Sensitivity, ...) whose label names map onto the scale
// by the same words as the marking packs.

#include "base/ascii.h"
#include "content/base64.h"
#include "content/normalize.h"
#include "content/scanner_rep.h"

namespace nearmiss::content {
namespace {

// Header values are short; a longer one is hostile or broken.
constexpr std::size_t kMaxLabelHeaderBytes = 64 * 1024;

const LabelHeader* FindLabelHeader(const Scanner::Rep& rep,
                                   std::string_view name) {
  for (const LabelHeader& h : rep.label_headers) {
    if (EqualsNoCase(h.header, name)) {
      return &h;
    }
  }
  return nullptr;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '"')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '"')) s.remove_suffix(1);
  return s;
}

}  // namespace

bool Scanner::IsLabelHeader(std::string_view name) const {
  return FindLabelHeader(*rep_, name) != nullptr;
}

Status Scanner::ScanHeader(std::string_view name, std::string_view value,
                           Scratch& scratch, Sensitivity* out,
                           std::string_view where_given) const {
  const LabelHeader* spec = FindLabelHeader(*rep_, name);
  if (spec == nullptr) return Status::Ok();
  std::string where = where_given.empty() ? "header:" + std::string(name)
                                          : std::string(where_given);
  if (value.size() > kMaxLabelHeaderBytes) {
    value = value.substr(0, kMaxLabelHeaderBytes);
  }
  std::string text = UnfoldHeader(value);
  if (spec->base64) {
    std::optional<std::string> decoded = DecodeBase64(text);
    if (!decoded) {
      return Status::InvalidArgument(where + ": invalid base64 label value");
    }
    text = std::move(*decoded);
  }
  // Each label name is scanned on its own so offsets can point into the
  // header value (for base64 values, into the decoded text).
  auto scan_label = [&](std::string_view label) -> Status {
    label = Trim(label);
    if (label.empty()) return Status::Ok();
    std::size_t offset = static_cast<std::size_t>(label.data() - text.data());
    Sensitivity found;
    NM_RETURN_IF_ERROR(
        Scan(TextKind::kHeaderLabel, where, label, scratch, &found));
    if (found.findings.empty()) {
      // A label we cannot place on the scale is still worth showing.
      Finding f;
      f.marking = std::string(label);
      f.pack = "labels";
      f.where = where;
      f.text = std::string(label);
      f.strength = Strength::kStrong;
      found.Add(std::move(f));
    }
    for (Finding& f : found.findings) {
      f.offset += offset;
      out->Add(std::move(f));
    }
    if (!found.complete) out->complete = false;
    return Status::Ok();
  };
  if (spec->extract_text.empty()) return scan_label(text);
  try {
    for (auto it = std::sregex_iterator(text.begin(), text.end(),
                                        spec->extract);
         it != std::sregex_iterator(); ++it) {
      const std::smatch& m = *it;
      if (m.size() < 2 || !m[1].matched) continue;
      std::size_t at = static_cast<std::size_t>(m.position(1));
      NM_RETURN_IF_ERROR(
          scan_label(std::string_view(text).substr(at, m.length(1))));
    }
  } catch (const std::regex_error& e) {
    return Status::ResourceExhausted(where + ": label extraction failed: " +
                                     e.what());
  }
  return Status::Ok();
}

}  // namespace nearmiss::content
