#include "content/enriched_text.h"

#include "base/ascii.h"

namespace nearmiss::content {
namespace {

bool IsBlockCommand(std::string_view name) {
  for (std::string_view block : {"center", "flushleft", "flushright", "flushboth", "paragraph"}) {
    if (EqualsNoCase(name, block)) return true;
  }
  return false;
}

void Break(std::string* out) {
  if (!out->empty() && out->back() != '\n') *out += '\n';
}

}  // namespace

bool IsEnrichedType(std::string_view mime_type) {
  return StartsWithNoCase(mime_type, "text/enriched") ||
         StartsWithNoCase(mime_type, "text/richtext");
}

namespace {

// `honour_hidden` false reads <param> and <comment> text as words;
// `*unclosed` says one was left open.
std::string Convert(std::string_view mime_type, std::string_view in, bool honour_hidden,
                    bool* unclosed) {
  const bool richtext = StartsWithNoCase(mime_type, "text/richtext");
  std::string out;
  out.reserve(in.size());
  int nofill = 0;
  int hidden = 0;  // inside <param> or <comment>
  for (std::size_t i = 0; i < in.size();) {
    const char c = in[i];
    if (c == '<') {
      if (!richtext && i + 1 < in.size() && in[i + 1] == '<') {
        if (hidden == 0) out += '<';
        i += 2;
        continue;
      }
      std::size_t end = in.find('>', i);
      if (end == std::string_view::npos || end - i > 62) {
        // RFC 1896: a command is at most 60 characters; anything else is text.
        if (hidden == 0) out += c;
        ++i;
        continue;
      }
      std::string_view name = in.substr(i + 1, end - i - 1);
      const bool closing = name.starts_with('/');
      if (closing) name.remove_prefix(1);
      i = end + 1;
      if (EqualsNoCase(name, "param") || (richtext && EqualsNoCase(name, "comment"))) {
        if (honour_hidden) hidden += closing ? (hidden > 0 ? -1 : 0) : 1;
      } else if (EqualsNoCase(name, "nofill")) {
        nofill += closing ? (nofill > 0 ? -1 : 0) : 1;
      } else if (richtext && !closing && EqualsNoCase(name, "lt")) {
        if (hidden == 0) out += '<';
      } else if (richtext && !closing && (EqualsNoCase(name, "nl") || EqualsNoCase(name, "np"))) {
        if (hidden == 0) out += '\n';
      } else if (IsBlockCommand(name)) {
        Break(&out);
      }
      continue;
    }
    if (c == '\r' || c == '\n') {
      // One line break, CRLF or bare LF, and the run of them after it.
      std::size_t breaks = 0;
      while (i < in.size() && (in[i] == '\r' || in[i] == '\n')) {
        if (in[i] == '\n' || (in[i] == '\r' && (i + 1 >= in.size() || in[i + 1] != '\n'))) ++breaks;
        ++i;
      }
      if (hidden > 0) continue;
      if (nofill > 0 && !richtext) {
        out.append(breaks, '\n');
      } else if (richtext || breaks == 1) {
        out += ' ';
      } else {
        out.append(breaks - 1, '\n');
      }
      continue;
    }
    if (hidden == 0) out += c;
    ++i;
  }
  *unclosed = hidden > 0;
  return out;
}

}  // namespace

std::string EnrichedToText(std::string_view mime_type, std::string_view in) {
  bool unclosed = false;
  std::string out = Convert(mime_type, in, true, &unclosed);
  // A <param> or <comment> never closed would hide the rest of the text
  // (a banner after it): read it all as words instead.
  if (unclosed) out = Convert(mime_type, in, false, &unclosed);
  return out;
}

}  // namespace nearmiss::content
