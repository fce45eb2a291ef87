// Safari's saved web page (".webarchive", application/x-webarchive), read
// through libplist: a property list (binary, as Safari writes it, or XML,
// as `plutil -convert xml1` and Python's plistlib write it; Apple,
// "Property List Programming Guide", both forms hold the same objects)
// whose dictionary holds the page
// (WebMainResource), the files it loaded (WebSubresources) and the pages
// of its frames (WebSubframeArchives, each a web archive in turn); each
// resource a dictionary whose WebResourceData is the file's bytes, with its
// WebResourceURL and WebResourceMIMEType (Apple, WebKit
// "WebArchive"/"WebResource" class references; WebKit's
// LegacyWebArchive.cpp writes these keys). It is walked like an archive
// (archive_text.cc): the page is read as HTML, its files as members, within
// the archive bounds. Before round 55 it was an unreadable attachment, held
// (round 53's tester 13).
//
// Thread safety: pure functions.
#ifndef NEARMISS_CONTENT_WEB_ARCHIVE_H_
#define NEARMISS_CONTENT_WEB_ARCHIVE_H_

#include <string>
#include <string_view>
#include <vector>

namespace nearmiss::content {

// A property list holding the WebMainResource key, whatever the file is
// called: a binary one ("bplist00", what Safari writes), or an XML one (a
// "<plist" root element after the XML declaration, comments and DOCTYPE)
// with a <key>WebMainResource</key>. Read as XML text, the page base64'd
// in its <data> was never decoded (round 54's tester 13, finding 1).
bool IsWebArchive(std::string_view bytes);

struct WebResource {
  // "frame 1/" before a frame's resources; the URL's last path segment (or
  // "resource N"), with the suffix its MIME type names when it has none
  // (".html" for the page), so the walk classifies it by name and bytes.
  std::string name;
  std::string data;
};

// The resources of a web archive, the main page first. Style sheets and
// scripts are left out, as the HTML reader leaves <style> and <script>
// out: code, not the page's words. `*unread` gets what is there but not
// read (a resource with no data, frames nested past a bound). False, with
// `*error` set, when libplist cannot parse the bytes or they hold no main
// resource.
bool ReadWebArchive(std::string_view bytes, std::vector<WebResource>* resources,
                    std::vector<std::string>* unread, std::string* error);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_WEB_ARCHIVE_H_
