#include "content/mailbox_file.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "content/mbox_from_line.h"
#include "content/mbox_split.h"
#include "base/ascii.h"

namespace nearmiss::content {
namespace {

std::string_view FirstLine(std::string_view bytes, std::size_t* next) {
  std::size_t nl = bytes.find('\n');
  *next = nl == std::string_view::npos ? bytes.size() : nl + 1;
  std::string_view line = bytes.substr(0, *next);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  return line;
}

// RFC 5322 section 3.6.8: a field name is printable ASCII but ':', then ':'.
bool StartsHeaderField(std::string_view bytes) {
  std::size_t i = 0;
  while (i < bytes.size() && bytes[i] >= 33 && bytes[i] <= 126 && bytes[i] != ':') ++i;
  return i > 0 && i < bytes.size() && bytes[i] == ':';
}

bool LooksLikeMbox(std::string_view bytes) {
  std::size_t next = 0;
  std::string_view line = FirstLine(bytes, &next);
  return IsMboxFromLine(line) && HeaderBlockParses(bytes.substr(next));
}

// Apple Mail's .emlx: the message's length in bytes, alone on the first
// line (blanks around it allowed), then the message. Its shape only: a
// year, a ticket number or a cue number over "Key: value" lines has it too.
bool EmlxCount(std::string_view bytes, std::size_t* length, std::size_t* start) {
  std::size_t next = 0;
  std::string_view line = FirstLine(bytes, &next);
  while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
  while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
  if (line.empty() || line.size() > 12 ||
      !std::all_of(line.begin(), line.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return false;
  }
  if (!StartsHeaderField(bytes.substr(next))) return false;
  *length = std::stoull(std::string(line));
  *start = next;
  return true;
}

// An .emlx told by its bytes alone: the counted bytes are a message (a
// header block that parses) and Apple's property list ("<?xml" or
// "<plist") follows them. Text that only opens like one (a report's year
// over "Q1: ..." lines, a SubRip cue "1" over "00:00:01,000 --> ...") is
// not one, and is read as the text it is (round 56b's tester 13, 1-2).
bool LooksLikeEmlx(std::string_view bytes, std::size_t* length, std::size_t* start) {
  if (!EmlxCount(bytes, length, start) || *length > bytes.size() - *start) return false;
  if (!HeaderBlockParses(bytes.substr(*start, *length))) return false;
  std::string_view after = bytes.substr(*start + *length);
  while (!after.empty() && (after.front() == ' ' || after.front() == '\t' ||
                            after.front() == '\r' || after.front() == '\n')) {
    after.remove_prefix(1);
  }
  return after.starts_with("<?xml") || after.starts_with("<plist");
}

// An .emlx by its name (".emlx", ".partial.emlx"), whose count is taken as
// it stands (a cut copy keeps what is there), or by its bytes.
bool EmlxLength(std::string_view filename, std::string_view bytes, std::size_t* length,
                std::size_t* start) {
  std::string_view base = filename.substr(filename.find_last_of("/\\") + 1);
  if (EndsWithNoCase(base, ".emlx")) return EmlxCount(bytes, length, start);
  return LooksLikeEmlx(bytes, length, start);
}

// MMDF (the MMDF and SCO mail stores, mutt's and Alpine's "mmdf" folder
// type, Python's mailbox.MMDF): each message between two lines of four
// Control-A bytes, with no From_ line.
constexpr std::string_view kMmdfDelimiter = "\x01\x01\x01\x01";

bool LooksLikeMmdf(std::string_view bytes) {
  std::size_t next = 0;
  std::string_view line = FirstLine(bytes, &next);
  return line == kMmdfDelimiter && HeaderBlockParses(bytes.substr(next));
}

std::vector<ExtractedMember> SplitMmdf(std::string_view bytes) {
  std::vector<ExtractedMember> out;
  std::size_t at = 0, line_number = 1, message_line = 0;
  std::string current;
  bool inside = false;
  // The message gathered, when it holds more than blanks.
  auto keep = [&]() {
    if (current.find_first_not_of(" \t\r\n") == std::string::npos) return;
    ExtractedMember member;
    member.path = "message " + std::to_string(out.size() + 1) + " (line " +
                  std::to_string(message_line) + ")";
    member.text = std::move(current);
    member.has_text = true;
    out.push_back(std::move(member));
  };
  while (at < bytes.size()) {
    std::size_t next = 0;
    const std::string_view line = FirstLine(bytes.substr(at), &next);
    if (line == kMmdfDelimiter) {
      // A delimiter closes the message it ends (or opens the next): what
      // stands between two is one message; blanks between are dropped.
      if (inside) keep();
      current.clear();
      inside = true;
      message_line = line_number + 1;
    } else {
      // Text outside any delimiter (a cut copy's tail) is kept too.
      if (!inside) {
        inside = true;
        message_line = line_number;
      }
      current.append(bytes.substr(at, next));
    }
    at += next;
    ++line_number;
  }
  keep();
  return out;
}

std::vector<ExtractedMember> SplitMbox(std::string_view bytes) {
  std::size_t at = 0;
  MboxSplitter splitter(
      [bytes, &at](char* buf, std::size_t n) -> ssize_t {
        std::size_t k = std::min(n, bytes.size() - at);
        std::memcpy(buf, bytes.data() + at, k);
        at += k;
        return static_cast<ssize_t>(k);
      },
      bytes.size() + 1);
  std::vector<ExtractedMember> out;
  MboxSplitter::Message m;
  for (;;) {
    Result<bool> more = splitter.Next(&m);
    // Reading from memory has no I/O error; should one come, what is left
    // is still read, as one message, never dropped.
    if (!more.ok()) break;
    if (!*more) break;
    ExtractedMember member;
    member.path = "message " + std::to_string(out.size() + 1) + " (line " +
                  std::to_string(m.line) + ")";
    member.text = std::move(m.bytes);
    member.has_text = true;
    out.push_back(std::move(member));
  }
  return out;
}

}  // namespace

bool HeaderBlockParses(std::string_view bytes) {
  bool any = false;
  std::size_t at = 0;
  while (at < bytes.size()) {
    std::size_t next = 0;
    std::string_view line = FirstLine(bytes.substr(at), &next);
    if (line.empty()) return any;  // the blank line that ends the header
    if (line.front() == ' ' || line.front() == '\t') {
      if (!any) return false;  // a folded line continues a field (2.2.3)
    } else if (StartsHeaderField(line)) {
      any = true;
    } else {
      return false;
    }
    at += next;
  }
  return any;  // a header and no body
}

bool IsMailboxFile(std::string_view mime_type, std::string_view filename,
                   std::string_view bytes) {
  std::string_view base = filename.substr(filename.find_last_of("/\\") + 1);
  std::size_t length = 0;
  std::size_t start = 0;
  return StartsWithNoCase(mime_type, "application/mbox") || EndsWithNoCase(base, ".mbox") ||
         EndsWithNoCase(base, ".emlx") || EqualsNoCase(base, "mbox") ||
         LooksLikeMbox(bytes) || LooksLikeMmdf(bytes) || LooksLikeEmlx(bytes, &length, &start);
}

std::optional<std::string_view> EmlxMessage(std::string_view filename, std::string_view bytes) {
  std::size_t length = 0;
  std::size_t start = 0;
  if (!EmlxLength(filename, bytes, &length, &start)) return std::nullopt;
  return bytes.substr(start, std::min(length, bytes.size() - start));
}

std::vector<ExtractedMember> MailboxFileMessages(std::string_view filename,
                                                 std::string_view bytes) {
  std::size_t length = 0;
  std::size_t start = 0;
  if (EmlxLength(filename, bytes, &length, &start)) {
    // The count is the message's; the property list after it is Apple
    // Mail's flags. A count past the file's end (a cut copy) keeps all.
    std::string_view message = bytes.substr(start, std::min(length, bytes.size() - start));
    return {{"", std::string(message), "", true, {}, {}, {}}};
  }
  if (LooksLikeMbox(bytes) || LooksLikeMmdf(bytes)) {
    std::vector<ExtractedMember> messages =
        LooksLikeMbox(bytes) ? SplitMbox(bytes) : SplitMmdf(bytes);
    if (messages.size() == 1) messages.front().path.clear();
    if (!messages.empty()) return messages;
  }
  return {{"", std::string(bytes), "", true, {}, {}, {}}};
}

}  // namespace nearmiss::content
