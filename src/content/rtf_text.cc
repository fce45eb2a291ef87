// ExtractRtf (extract.h): the text of an RTF document, read by a bounded
// reader of RTF's syntax (Microsoft, Rich Text Format Specification 1.9.1:
// groups in braces, control words "\word" with an optional signed number
// and one blank that ends them, control symbols "\x"). No packaged library
// reads RTF (Debian has writers for Perl and Java and the unrtf program;
// nothing to link), and its text is only these few rules:
//   \par \line \sect \page \row   a line break
//   \tab \cell                    a tab (a cell break in headers and
//                                 footers and between a table's cells)
//   \'hh                          a byte of the document's code page, read
//                                 as Windows-1252 (\ansicpg1252, what Word
//                                 and WordPad write in the West; another
//                                 \ansicpg is read so too)
//   \uN                           the Unicode character N (a signed 16-bit
//                                 number), then the \ucN (default 1)
//                                 characters after it skipped: its fallback
//   \~ \_ \- \{ \} \\             no-break space, no-break hyphen, optional
//                                 hyphen, the literal characters
//   \binN                         N bytes of binary data, skipped
// Destinations that hold no shown text (font, colour and style tables,
// pictures, objects, a field's instruction, "{\*\...}" groups) are
// skipped; page headers and footers (\header, \footerf, ...) each become a
// page of their own before the body, tabs splitting their cells, as an
// Office document's header parts are read; \title, \subject and \keywords
// a page of their own after it.
// Text boxes and shapes' text (RTF 1.9.1, "Word 97 through Word 2007 RTF
// for Drawing Objects (Shapes)"): a shape's {\*\shpinst ...} is read for
// its {\shptxt ...} alone (its {\sp ...} properties are no text), and its
// {\shprslt ...}, the same shape again as a Word 6/95 drawing object for
// readers that do not know \shp, is skipped. A Word 6/95 drawing object
// {\*\do ...} outside \shprslt is read for its {\dptxbxtext ...} alone.
// A box's text is a block of its own, on its own lines, in the header,
// footer or body the shape is anchored in (round 45 tester 13, finding 6).
#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "content/extract.h"
#include "content/text_charset.h"

namespace nearmiss::content {
namespace {

// Deeper nesting than any editor writes: a file built to exhaust the
// reader, reported unread.
constexpr std::size_t kMaxRtfDepth = 512;

// kShape: inside a shape or drawing object, whose text (\shptxt,
// \dptxbxtext) goes to RtfGroup::box.
enum class Dest { kBody, kSkip, kFurniture, kInfoText, kInfo, kShape };

constexpr std::array<const char*, 22> kSkipped = {
    "fonttbl",   "colortbl", "stylesheet", "listtable", "listoverridetable", "revtbl",
    "rsidtbl",   "generator", "pict",      "object",    "objdata",     "themedata",
    "fldinst",   "datastore", "latentstyles", "xmlnstbl", "filetbl",   "bkmkstart",
    "bkmkend",   "pgdsctbl", "colorschememapping", "mmathPr"};
constexpr std::array<const char*, 8> kFurniture = {
    "header", "headerl", "headerr", "headerf", "footer", "footerl", "footerr", "footerf"};

template <std::size_t N>
bool Named(std::string_view word, const std::array<const char*, N>& names) {
  return std::any_of(names.begin(), names.end(),
                     [&](const char* n) { return word == n; });
}

int RtfHexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

struct RtfGroup {
  Dest dest = Dest::kBody;
  int uc = 1;  // \ucN: fallback characters after each \uN
  Dest box = Dest::kBody;  // kShape: where the shape's text goes
  bool box_text = false;   // a \shptxt or \dptxbxtext group
};

class RtfReader {
 public:
  explicit RtfReader(std::string_view rtf) : rtf_(rtf) {}

  // False with `error` set when the syntax is broken.
  bool Read(std::string* error) {
    std::vector<RtfGroup> stack;
    RtfGroup group;
    std::size_t i = 0;
    while (i < rtf_.size()) {
      const char c = rtf_[i];
      if (c == '{') {
        if (stack.size() >= kMaxRtfDepth) {
          *error = "groups nested deeper than ";
          *error += std::to_string(kMaxRtfDepth);
          return false;
        }
        stack.push_back(group);
        parent_dest_ = group.dest;
        group.box_text = false;
        ++i;
        // "{\*\dest ...}": a destination a reader may skip when it does
        // not know it (RTF 1.9.1, "Destinations").
        if (rtf_.substr(i, 2) == "\\*") group.dest = Dest::kSkip;
      } else if (c == '}') {
        if (stack.empty()) {
          *error = "a '}' closes no group";
          return false;
        }
        if (group.dest == Dest::kFurniture && stack.back().dest != Dest::kFurniture &&
            !group.box_text) {
          furniture_ += "\f";
        }
        if (group.dest == Dest::kInfoText && stack.back().dest != Dest::kInfoText) {
          info_ += "\n\n";
        }
        if (group.box_text && !stack.back().box_text) Put(group, "\n");
        group = stack.back();
        stack.pop_back();
        parent_dest_ = stack.empty() ? Dest::kBody : stack.back().dest;
        ++i;
      } else if (c == '\\') {
        i = Control(i + 1, group);
      } else {
        ++i;
        if (c != '\r' && c != '\n') Put(group, std::string_view(&c, 1));
      }
    }
    if (!stack.empty()) {
      *error = "the document ends inside ";
      *error += std::to_string(stack.size());
      *error += " open groups";
      return false;
    }
    return true;
  }

  std::string Text() const {
    std::string out = furniture_;
    out += body_;
    if (!info_.empty()) {
      out += "\f";
      out += info_;
    }
    return out;
  }

 private:
  std::string* Into(const RtfGroup& g) {
    switch (g.dest) {
      case Dest::kBody: return &body_;
      case Dest::kFurniture: return &furniture_;
      case Dest::kInfoText: return &info_;
      case Dest::kSkip: case Dest::kInfo: case Dest::kShape: return nullptr;
    }
    return nullptr;
  }

  void Put(RtfGroup& g, std::string_view text) {
    if (skip_ > 0) {  // a \uN's fallback characters
      --skip_;
      return;
    }
    if (std::string* out = Into(g)) out->append(text);
  }

  // Reads the control word or symbol after the backslash at `i - 1`;
  // returns where reading goes on.
  std::size_t Control(std::size_t i, RtfGroup& g) {
    if (i >= rtf_.size()) return i;
    const char c = rtf_[i];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
      return Symbol(i, g);
    }
    std::size_t end = i;
    while (end < rtf_.size() && end - i < 32 &&
           ((rtf_[end] >= 'a' && rtf_[end] <= 'z') || (rtf_[end] >= 'A' && rtf_[end] <= 'Z'))) {
      ++end;
    }
    const std::string_view word = rtf_.substr(i, end - i);
    bool negative = end < rtf_.size() && rtf_[end] == '-';
    if (negative) ++end;
    long number = 0;
    bool has_number = false;
    for (int digits = 0; end < rtf_.size() && rtf_[end] >= '0' && rtf_[end] <= '9';
         ++end, ++digits) {
      if (digits < 10) number = number * 10 + (rtf_[end] - '0');
      has_number = true;
    }
    if (negative) number = -number;
    if (end < rtf_.size() && rtf_[end] == ' ') ++end;  // the delimiter
    Word(word, has_number, number, g, &end);
    return end;
  }

  std::size_t Symbol(std::size_t i, RtfGroup& g) {
    const char c = rtf_[i];
    switch (c) {
      case '\'': {
        int hi = i + 1 < rtf_.size() ? RtfHexDigit(rtf_[i + 1]) : -1;
        int lo = i + 2 < rtf_.size() ? RtfHexDigit(rtf_[i + 2]) : -1;
        if (hi < 0 || lo < 0) return i + 1;
        std::string utf8;
        AppendUtf8(Windows1252Char(static_cast<unsigned char>(hi * 16 + lo)), &utf8);
        Put(g, utf8);
        return i + 3;
      }
      case '~': Put(g, " "); break;
      case '_': Put(g, "-"); break;
      case '-': break;  // an optional hyphen: "SE\-CRET" is one word
      case '*': break;  // handled at the group's '{'
      case '\r': case '\n': Put(g, "\n"); break;  // "\<newline>" is \par
      case '\t': Put(g, "\t"); break;
      default: Put(g, std::string_view(&c, 1)); break;  // \{ \} \\ and others
    }
    return i + 1;
  }

  void Word(std::string_view word, bool has_number, long number, RtfGroup& g,
            std::size_t* end) {
    if (word == "bin" && has_number) {  // binary data: not text
      *end = std::min(rtf_.size(), *end + static_cast<std::size_t>(std::max(0L, number)));
      return;
    }
    if (Shape(word, g)) return;
    if (Named(word, kSkipped)) {
      g.dest = Dest::kSkip;
    } else if (Named(word, kFurniture) && g.dest != Dest::kSkip) {
      g.dest = Dest::kFurniture;
    } else if (word == "info" && g.dest != Dest::kSkip) {
      g.dest = Dest::kInfo;
    } else if ((word == "title" || word == "subject" || word == "keywords") &&
               g.dest == Dest::kInfo) {
      g.dest = Dest::kInfoText;
    } else if (word == "uc" && has_number) {
      g.uc = static_cast<int>(std::clamp(number, 0L, 8L));
    } else if (word == "u" && has_number) {
      std::string utf8;
      AppendUtf8(static_cast<char32_t>((number < 0 ? number + 65536 : number) & 0xFFFF), &utf8);
      Put(g, utf8);
      skip_ = g.uc;
    } else if (word == "par" || word == "line" || word == "sect" || word == "page" ||
               word == "row") {
      Put(g, "\n");
    } else if (word == "tab" || word == "cell") {
      Put(g, g.dest == Dest::kFurniture || word == "cell" ? "\t" : " ");
    } else if (word == "emdash" || word == "endash") {
      Put(g, "-");
    } else if (word == "lquote" || word == "rquote") {
      Put(g, "'");
    } else if (word == "ldblquote" || word == "rdblquote") {
      Put(g, "\"");
    }
  }

  // The words that open a shape, its result and its text (the file's
  // comment above); true when `word` was one of them.
  bool Shape(std::string_view word, RtfGroup& g) {
    if (word == "shpinst" || word == "do") {
      // "{\*\shpinst": skipped at the '{'; read when the shape is
      // anchored where text is read. \do inside \shprslt stays skipped.
      const Dest anchor = parent_dest_;
      if (anchor == Dest::kBody || anchor == Dest::kFurniture || anchor == Dest::kShape) {
        g.box = anchor == Dest::kShape ? g.box : anchor;
        g.dest = Dest::kShape;
      }
      return true;
    }
    if (word == "shprslt") {
      g.dest = Dest::kSkip;
      return true;
    }
    if ((word == "shptxt" || word == "dptxbxtext") && g.dest == Dest::kShape) {
      g.dest = g.box;
      g.box_text = true;
      Put(g, "\n");
      return true;
    }
    return false;
  }

  std::string_view rtf_;
  Dest parent_dest_ = Dest::kBody;  // the dest of the group that holds the current one
  std::string body_;
  std::string furniture_;  // headers and footers, a page each
  std::string info_;       // title, subject, keywords
  int skip_ = 0;           // fallback characters left to skip
};

}  // namespace

Extracted ExtractRtf(std::string_view name, std::string_view bytes, ExtractBudget& budget) {
  Extracted out;
  if (!bytes.starts_with("{\\rtf")) {
    out.errors.push_back(std::string(name) + ": not an RTF document (no \"{\\rtf\" at its start)");
    return out;
  }
  RtfReader reader(bytes);
  std::string error;
  if (!reader.Read(&error)) {
    out.errors.push_back(std::string(name) + ": RTF document: " + error);
  }
  out.text = reader.Text();
  if (out.text.size() > budget.per_attachment_bytes ||
      out.text.size() > budget.total_bytes_left) {
    out.limits.push_back({"max-attachment-bytes", std::string(name) + ": text exceeds budget"});
    out.text.resize(std::min(budget.per_attachment_bytes, budget.total_bytes_left));
  }
  budget.total_bytes_left -= out.text.size();
  out.has_text = true;
  return out;
}

}  // namespace nearmiss::content
