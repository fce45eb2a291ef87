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
// What Word keeps of a labelled document when it saves RTF (round 46's
// tester 13, findings 5 and 6): its custom properties ({\*\userprops
// {\propname NAME}\proptypeN{\staticval VALUE}...}, RTF 1.9.1 "User
// Properties") and document variables ({\*\docvar {NAME}{VALUE}}) are
// offered as label properties (label_properties.h: Purview's MSIP_Label_
// keys, a "Classification" property); comments ({\*\annotation ...}) are
// a page of their own after the body; an embedded object's data
// ({\*\objdata ...}: an OLE object, a packaged file) is not read, and says
// so (the caller makes the document unreadable, as an Office package's
// legacy OLE object is).
#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "content/extract.h"
#include "content/label_properties.h"
#include "content/text_charset.h"

namespace nearmiss::content {
namespace {

// Deeper nesting than any editor writes: a file built to exhaust the
// reader, reported unread.
constexpr std::size_t kMaxRtfDepth = 512;

// kShape: inside a shape or drawing object, whose text (\shptxt,
// \dptxbxtext) goes to RtfGroup::box.
// kUserProps, kPropName, kStaticVal: a custom property list and one
// property's name and value; kDocVar, kDocVarPart: a document variable and
// its name or value group; kComment: an annotation's text.
enum class Dest {
  kBody, kSkip, kFurniture, kInfoText, kInfo, kShape,
  kUserProps, kPropName, kStaticVal, kDocVar, kDocVarPart, kComment
};

constexpr std::array<const char*, 21> kSkipped = {
    "fonttbl",   "colortbl", "stylesheet", "listtable", "listoverridetable", "revtbl",
    "rsidtbl",   "generator", "pict",      "object",    "themedata",
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
        if (group.dest == Dest::kDocVar) {
          // {\*\docvar {NAME}{VALUE}}: the first group its name, the next its value.
          group.dest = Dest::kDocVarPart;
          docvar_part_.emplace_back();
          continue;
        }
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
        Closed(group.dest, stack.back().dest);
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
    if (!comments_.empty()) {
      out += "\f";
      out += comments_;
    }
    return out;
  }

  const LabelProperties& labels() const { return labels_; }
  // Embedded objects' data groups met ({\*\objdata}), none of them read.
  int objects() const { return objects_; }

 private:
  std::string* Into(const RtfGroup& g) {
    switch (g.dest) {
      case Dest::kBody: return &body_;
      case Dest::kFurniture: return &furniture_;
      case Dest::kInfoText: return &info_;
      case Dest::kPropName: return &prop_name_;
      case Dest::kStaticVal: return &prop_value_;
      case Dest::kDocVarPart: return docvar_part_.empty() ? nullptr : &docvar_part_.back();
      case Dest::kComment: return &comments_;
      case Dest::kSkip: case Dest::kInfo: case Dest::kShape: case Dest::kUserProps:
      case Dest::kDocVar: return nullptr;
    }
    return nullptr;
  }

  // A group of `dest` ends inside one of `outer`: a property's value ends
  // the property, a document variable's groups end the variable, a
  // comment's text ends its line.
  void Closed(Dest dest, Dest outer) {
    if (dest == Dest::kStaticVal && outer != Dest::kStaticVal) {
      OfferLabelProperty(prop_name_, prop_value_, &labels_);
      prop_name_.clear();
      prop_value_.clear();
    } else if (dest == Dest::kDocVar && outer != Dest::kDocVar) {
      if (docvar_part_.size() >= 2) OfferLabelProperty(docvar_part_[0], docvar_part_[1], &labels_);
      docvar_part_.clear();
    } else if (dest == Dest::kComment && outer != Dest::kComment) {
      comments_ += "\n";
    }
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
    if (Properties(word, g)) return;
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

  // The words that open the destinations of properties, variables,
  // comments and objects' data (the file's comment above); true when
  // `word` was one of them.
  bool Properties(std::string_view word, RtfGroup& g) {
    if (word == "objdata") {
      ++objects_;
      g.dest = Dest::kSkip;
    } else if (word == "userprops" && parent_dest_ != Dest::kSkip) {
      g.dest = Dest::kUserProps;
      prop_name_.clear();
      prop_value_.clear();
    } else if (word == "propname" && parent_dest_ == Dest::kUserProps) {
      prop_name_.clear();
      g.dest = Dest::kPropName;
    } else if (word == "staticval" && parent_dest_ == Dest::kUserProps) {
      prop_value_.clear();
      g.dest = Dest::kStaticVal;
    } else if (word == "docvar" && parent_dest_ != Dest::kSkip) {
      docvar_part_.clear();
      g.dest = Dest::kDocVar;
    } else if (word == "annotation" && parent_dest_ != Dest::kSkip) {
      g.dest = Dest::kComment;
    } else {
      return false;
    }
    return true;
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
  std::string comments_;   // annotations, one a line
  std::string prop_name_, prop_value_;    // the \userprops property being read
  std::vector<std::string> docvar_part_;  // the \docvar being read: name, value
  LabelProperties labels_;
  int objects_ = 0;
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
  if (reader.objects() > 0) {
    out.errors.push_back(std::string(name) + ": RTF document: " +
                         std::to_string(reader.objects()) +
                         (reader.objects() == 1 ? " embedded object" : " embedded objects") +
                         " (\\objdata: an OLE object or packaged file) not read");
  }
  out.msip_labels = reader.labels().msip_labels;
  out.classifications = reader.labels().classifications;
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
