#include "content/web_archive.h"

#include <plist/plist.h>

#include <cstdint>
#include <cstdlib>
#include <limits>
#include <memory>

#include "base/ascii.h"

namespace nearmiss::content {
namespace {

// Frames inside frames: a saved page nests as deep as its iframes do. Past
// this the frame is named unread (a hostile archive must not recurse
// without end).
constexpr int kMaxFrameDepth = 8;

std::string StringValue(plist_t dict, const char* key) {
  plist_t node = plist_dict_get_item(dict, key);
  if (node == nullptr || plist_get_node_type(node) != PLIST_STRING) return "";
  char* value = nullptr;
  plist_get_string_val(node, &value);
  std::string out = value == nullptr ? "" : value;
  std::free(value);
  return out;
}

// WebResourceData's bytes; false when the resource has none.
bool DataValue(plist_t dict, std::string* data) {
  plist_t node = plist_dict_get_item(dict, "WebResourceData");
  if (node == nullptr || plist_get_node_type(node) != PLIST_DATA) return false;
  char* value = nullptr;
  uint64_t length = 0;
  plist_get_data_val(node, &value, &length);
  if (value != nullptr) data->assign(value, static_cast<std::size_t>(length));
  std::free(value);
  return value != nullptr || length == 0;
}

// Style sheets and scripts: code a browser runs or applies, never words
// shown (html_text.cc, IsSkipped).
bool IsCode(std::string_view mime) {
  return StartsWithNoCase(mime, "text/css") || StartsWithNoCase(mime, "text/javascript") ||
         StartsWithNoCase(mime, "application/javascript") ||
         StartsWithNoCase(mime, "application/x-javascript") ||
         StartsWithNoCase(mime, "application/ecmascript");
}

// The URL's last path segment, without query or fragment.
std::string UrlFileName(std::string_view url) {
  url = url.substr(0, url.find_first_of("?#"));
  std::size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) {
    url.remove_prefix(scheme + 3);
    std::size_t path = url.find('/');
    url = path == std::string_view::npos ? std::string_view() : url.substr(path);
  }
  std::size_t slash = url.find_last_of('/');
  if (slash != std::string_view::npos) url.remove_prefix(slash + 1);
  return std::string(url);
}

std::string ResourceName(std::string_view url, std::string_view mime, std::size_t n) {
  std::string name = UrlFileName(url);
  if (name.empty()) name = n == 0 ? "page" : "resource " + std::to_string(n);
  const bool html = StartsWithNoCase(mime, "text/html") ||
                    StartsWithNoCase(mime, "application/xhtml+xml");
  if (html && !EndsWithNoCase(name, ".html") && !EndsWithNoCase(name, ".htm")) name += ".html";
  if (StartsWithNoCase(mime, "text/plain") && !EndsWithNoCase(name, ".txt")) name += ".txt";
  return name;
}

class ArchiveReader {
 public:
  ArchiveReader(std::vector<WebResource>* resources, std::vector<std::string>* unread)
      : resources_(resources), unread_(unread) {}

  // One archive dictionary (the file's, or a frame's): false when it holds
  // no main resource.
  bool Read(plist_t archive, const std::string& prefix, int depth) {
    plist_t main = plist_dict_get_item(archive, "WebMainResource");
    if (main == nullptr || plist_get_node_type(main) != PLIST_DICT) return false;
    Add(main, prefix, 0);
    if (plist_t subs = plist_dict_get_item(archive, "WebSubresources");
        subs != nullptr && plist_get_node_type(subs) == PLIST_ARRAY) {
      for (uint32_t i = 0; i < plist_array_get_size(subs); ++i) {
        plist_t sub = plist_array_get_item(subs, i);
        if (sub != nullptr && plist_get_node_type(sub) == PLIST_DICT) Add(sub, prefix, i + 1);
      }
    }
    plist_t frames = plist_dict_get_item(archive, "WebSubframeArchives");
    if (frames == nullptr || plist_get_node_type(frames) != PLIST_ARRAY) return true;
    for (uint32_t i = 0; i < plist_array_get_size(frames); ++i) {
      std::string frame = prefix + "frame " + std::to_string(i + 1) + "/";
      plist_t sub = plist_array_get_item(frames, i);
      if (depth + 1 > kMaxFrameDepth) {
        unread_->push_back(frame + ": frames nested deeper than " +
                           std::to_string(kMaxFrameDepth) + "; not read");
        continue;
      }
      if (sub == nullptr || plist_get_node_type(sub) != PLIST_DICT ||
          !Read(sub, frame, depth + 1)) {
        unread_->push_back(frame + ": a frame with no main resource; not read");
      }
    }
    return true;
  }

 private:
  void Add(plist_t resource, const std::string& prefix, std::size_t n) {
    const std::string mime = StringValue(resource, "WebResourceMIMEType");
    const std::string url = StringValue(resource, "WebResourceURL");
    const std::string name = prefix + ResourceName(url, mime, n);
    if (IsCode(mime)) return;
    WebResource r;
    if (!DataValue(resource, &r.data)) {
      unread_->push_back(name + ": a resource with no WebResourceData; not read");
      return;
    }
    r.name = name;
    resources_->push_back(std::move(r));
  }

  std::vector<WebResource>* resources_;
  std::vector<std::string>* unread_;
};

}  // namespace

namespace {

bool IsXmlSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// An XML property list: its "<plist" root element after a UTF-8 byte order
// mark, white space, the XML declaration, comments and the DOCTYPE (Apple's
// PropertyList-1.0.dtd), as plistlib and plutil write them.
bool IsXmlPlist(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  for (int skipped = 0; skipped < 8; ++skipped) {
    while (!bytes.empty() && IsXmlSpace(bytes.front())) bytes.remove_prefix(1);
    std::string_view close = bytes.starts_with("<?")          ? "?>"
                             : bytes.starts_with("<!--")      ? "-->"
                             : StartsWithNoCase(bytes, "<!doctype") ? ">"
                                                              : "";
    if (close.empty()) break;
    const std::size_t end = bytes.find(close);
    if (end == std::string_view::npos) return false;
    bytes.remove_prefix(end + close.size());
  }
  return bytes.starts_with("<plist") && bytes.size() > 6 &&
         (bytes[6] == '>' || IsXmlSpace(bytes[6]));
}

}  // namespace

bool IsWebArchive(std::string_view bytes) {
  if (bytes.starts_with("bplist00")) {
    return bytes.find("WebMainResource") != std::string_view::npos;
  }
  return IsXmlPlist(bytes) && bytes.find("<key>WebMainResource</key>") != std::string_view::npos;
}

bool ReadWebArchive(std::string_view bytes, std::vector<WebResource>* resources,
                    std::vector<std::string>* unread, std::string* error) {
  if (bytes.size() > std::numeric_limits<uint32_t>::max()) {
    *error = "a web archive too large for libplist";
    return false;
  }
  plist_t root = nullptr;
  // Either form (libplist tells them by the "bplist00" magic).
  plist_from_memory(bytes.data(), static_cast<uint32_t>(bytes.size()), &root);
  std::unique_ptr<void, void (*)(plist_t)> owned(root, &plist_free);
  if (root == nullptr || plist_get_node_type(root) != PLIST_DICT) {
    *error = bytes.starts_with("bplist00")
                 ? "a web archive (binary property list) libplist cannot parse; not read"
                 : "a web archive (XML property list) libplist cannot parse; not read";
    return false;
  }
  ArchiveReader reader(resources, unread);
  if (!reader.Read(root, "", 0)) {
    *error = "a web archive with no WebMainResource; not read";
    return false;
  }
  return true;
}

}  // namespace nearmiss::content
