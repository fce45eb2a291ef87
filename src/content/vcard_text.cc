// vCard (RFC 6350; vCard 2.1 and 3.0 as Outlook and phones still export
// them): a contact card sent as "ops.vcf" keeps its free text in NOTE
// (and TITLE, ROLE, ORG, LABEL), written on one line with "\n" escapes
// and folded at 75 octets. Read as plain text, a NOTE that opens with a
// banner is one line, "UK SECRET\n\nThe convoy...", never a banner line
// (round 47's tester 13, finding 7).
//
// Why this reads the lines itself: libical (Debian 12's 3.0) parses only
// iCalendar property names and turns a vCard's into X-LIC-ERROR; the
// vCard libraries Debian packages (libvformat, libvc) are unmaintained
// copies of the 1990s vCard 2.1 code. The grammar read is only RFC 6350
// 3.2 (unfolding) and 3.3 (NAME *(";" param) ":" value, "\n", "\,", "\;",
// "\\" escapes); a vCard 2.1 value in quoted-printable (its soft line
// breaks "=" at the end of a line) is decoded by GMime.
#include <gmime/gmime.h>

#include <string>
#include <vector>

#include "base/ascii.h"
#include "content/extract.h"

namespace nearmiss::content {
namespace {

bool HasQuotedPrintable(std::string_view s) {
  std::string lower(s);
  for (char& c : lower) c = AsciiToLower(c);
  return lower.find("quoted-printable") != std::string::npos;
}

// RFC 6350 3.2: a line break followed by one blank or tab continues the
// line; RFC 2425 writers and 2.1's quoted-printable ("=" at the line's end,
// RFC 2045 6.7 rule 5) too.
std::vector<std::string> UnfoldedLines(std::string_view text) {
  std::vector<std::string> lines;
  std::string line;
  bool soft = false;  // the previous line ended in a quoted-printable "="
  std::size_t at = 0;
  while (at <= text.size()) {
    std::size_t nl = text.find('\n', at);
    std::string_view raw = text.substr(at, nl == std::string_view::npos ? std::string_view::npos
                                                                          : nl - at);
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    const bool continues = !lines.empty() || !line.empty();
    if (continues && !raw.empty() && (raw.front() == ' ' || raw.front() == '\t') && !soft) {
      line.append(raw.substr(1));
    } else if (continues && soft) {
      line.append(raw);
    } else {
      if (!line.empty()) lines.push_back(std::move(line));
      line = std::string(raw);
    }
    soft = !line.empty() && line.back() == '=' &&
           HasQuotedPrintable(std::string_view(line).substr(0, line.find(':')));
    if (soft) line.pop_back();
    if (nl == std::string_view::npos) break;
    at = nl + 1;
  }
  if (!line.empty()) lines.push_back(std::move(line));
  return lines;
}

std::string DecodeQuotedPrintable(std::string_view in) {
  std::string out(in.size() + 3, '\0');
  int state = 0;
  guint32 save = 0;
  std::size_t n = g_mime_encoding_quoted_decode_step(
      reinterpret_cast<const unsigned char*>(in.data()), in.size(),
      reinterpret_cast<unsigned char*>(out.data()), &state, &save);
  out.resize(n);
  return out;
}

// RFC 6350 3.4: "\n" or "\N" a line break, "\\" "\," "\;" the character.
std::string Unescaped(std::string_view value) {
  std::string out;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '\\' && i + 1 < value.size()) {
      char next = value[++i];
      out += next == 'n' || next == 'N' ? '\n' : next;
    } else {
      out += value[i];
    }
  }
  return out;
}

// The properties whose values are words a person wrote (RFC 6350 6.2.1
// FN, 6.6.1 TITLE, 6.6.2 ROLE, 6.6.4 ORG, 6.7.1 CATEGORIES, 6.7.2 NOTE;
// vCard 3.0's LABEL), by name after any "group." prefix.
bool IsTextProperty(std::string_view name) {
  if (std::size_t dot = name.rfind('.'); dot != std::string_view::npos) {
    name.remove_prefix(dot + 1);
  }
  for (std::string_view p : {"NOTE", "TITLE", "ROLE", "ORG", "FN", "CATEGORIES", "LABEL"}) {
    if (EqualsNoCase(name, p)) return true;
  }
  return false;
}

}  // namespace

bool IsVcard(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  while (!bytes.empty() && (bytes.front() == '\r' || bytes.front() == '\n' ||
                            bytes.front() == ' ')) {
    bytes.remove_prefix(1);
  }
  return StartsWithNoCase(bytes, "BEGIN:VCARD");
}

Extracted ExtractVcard(std::string_view bytes) {
  Extracted out;
  std::string text = DecodeTextBytes(bytes);
  for (const std::string& line : UnfoldedLines(text)) {
    // The value starts after the first ':' outside a quoted parameter.
    std::size_t colon = std::string::npos;
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '"') quoted = !quoted;
      if (line[i] == ':' && !quoted) {
        colon = i;
        break;
      }
    }
    if (colon == std::string::npos) continue;
    std::string_view head = std::string_view(line).substr(0, colon);
    std::string_view name = head.substr(0, head.find(';'));
    if (EqualsNoCase(name, "END") && !out.text.empty() && out.text.back() != '\f') {
      out.text += '\f';
    }
    if (!IsTextProperty(name)) continue;
    std::string value = line.substr(colon + 1);
    if (HasQuotedPrintable(head)) {
      value = DecodeQuotedPrintable(value);
    }
    value = Unescaped(value);
    if (value.empty()) continue;
    if (!out.text.empty() && out.text.back() != '\f') out.text.append("\n\n");
    out.text.append(value);
  }
  out.has_text = !out.text.empty();
  return out;
}

}  // namespace nearmiss::content
