// WindowsThumbnailCache (windows_shell_files.h).
#include "content/windows_shell_files.h"

#include <vector>

#include "base/ascii.h"
#include "content/extract.h"
#include "content/ole_object.h"

namespace nearmiss::content {
namespace {

bool IsDigit(char16_t c) { return c >= u'0' && c <= u'9'; }
bool IsHex(char16_t c) {
  return IsDigit(c) || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

// A thumbnail stream's name: digits (XP), or digits, '_' and hex (Vista+).
bool IsThumbnailName(std::u16string_view name) {
  std::size_t i = 0;
  while (i < name.size() && IsDigit(name[i])) ++i;
  if (i == 0) return false;
  if (i == name.size()) return true;
  if (name[i] != u'_' || i + 1 == name.size()) return false;
  for (++i; i < name.size(); ++i) {
    if (!IsHex(name[i])) return false;
  }
  return true;
}

// A picture's opening bytes within the stream's header: JPEG's SOI and
// marker, PNG's signature, or a bitmap's file header ("BM", the size, then
// four reserved zero bytes).
bool HoldsPicture(std::string_view data) {
  const std::string_view head = data.substr(0, 64);
  if (head.find("\xFF\xD8\xFF") != std::string_view::npos ||
      head.find("\x89PNG\r\n\x1A\n") != std::string_view::npos) {
    return true;
  }
  for (std::size_t at = head.find("BM"); at != std::string_view::npos; at = head.find("BM", at + 1)) {
    if (data.substr(at + 6, 4) == std::string_view("\0\0\0\0", 4)) return true;
  }
  return false;
}

}  // namespace

std::string WindowsThumbnailCache(std::string_view path, std::string_view bytes) {
  const std::string_view base = path.substr(path.find_last_of("/\\") + 1);
  if (!EqualsNoCase(base, "Thumbs.db") && !EqualsNoCase(base, "ehthumbs.db") &&
      !EqualsNoCase(base, "ehthumbs_vista.db")) {
    return "";
  }
  if (!IsCompoundFile(bytes)) return "";
  std::vector<CompoundStream> streams;
  int storages = 0;
  std::string error;
  if (!ReadCompoundStreams(bytes, &streams, &storages, &error) || storages > 0) return "";
  bool catalog = false;
  int thumbnails = 0;
  for (const CompoundStream& s : streams) {
    if (s.name == u"Catalog") {
      catalog = true;
    } else if (IsThumbnailName(s.name) && HoldsPicture(s.data)) {
      ++thumbnails;
    } else {
      return "";  // a stream a thumbnail cache does not have: not skipped
    }
  }
  if (!catalog) return "";
  return "a Windows Explorer thumbnail cache (a Catalog and " + std::to_string(thumbnails) +
         (thumbnails == 1 ? " thumbnail" : " thumbnails") + ")";
}

}  // namespace nearmiss::content
