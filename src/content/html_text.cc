// HTML to text with libxml2's forgiving HTML parser: text nodes only, script
// and style dropped, block elements on their own lines so banner lines in an
// HTML body stay banner lines; of the <head>, only the <title>.
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <climits>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/ascii.h"
#include "content/css_caps.h"
#include "content/shown_caps.h"
#include "content/extract.h"
#include "content/html_conditionals.h"
#include "content/html_data_uris.h"
#include "content/html_entities.h"
#include "content/html_labels.h"
#include "content/text_charset.h"

namespace nearmiss::content {
namespace {

// Definition lists ("<dl><dt>SECRET</dt><dd>...") and captions lay out
// lines as paragraphs do.
// A table's cells are not: the cells of a row stand side by side
// (IsCell).
constexpr std::array<const char*, 24> kBlockElements = {
    "p",  "tr", "li", "h1", "h2",    "h3",         "h4",
    "h5", "h6",  "table", "ul", "ol", "blockquote", "pre",
    "hr", "center", "section", "article", "header", "footer",
    "dl", "dt", "dd", "caption"};

bool IsNamed(const xmlNode* node, const char* name) {
  return node->name != nullptr &&
         std::strcmp(reinterpret_cast<const char*>(node->name), name) == 0;
}

// Elements a browser renders as a line break and no more (HTML Living
// Standard, rendering: "div" is display:block with no margin, "br" a line
// break): "<b>From:</b> Carol<br><b>Sent:</b> ..." and one "<div>" per
// field are the lines of one block, as Outlook, OWA and Gmail write a
// quoted reply header. A paragraph ("p") keeps its blank line. A blank line
// between such lines would split the quoted header block and the banner
// zone where the sender saw none (issue 13, breaker defect 1).
bool IsLineBreak(const xmlNode* node) {
  return IsNamed(node, "br") || IsNamed(node, "div");
}

// Ends the current line unless the text is already at a line's start.
void BreakLine(std::string* text) {
  if (!text->empty() && text->back() != '\n') text->push_back('\n');
}

bool IsBlock(const xmlNode* node) {
  for (const char* name : kBlockElements) {
    if (IsNamed(node, name)) return true;
  }
  return false;
}

// A row's cells are read as one line with a tab between cells, as a
// reader sees them side by side: "(CUI)" in one cell and its sentence in
// the next are a portion mark opening its paragraph, as "Classification:"
// beside "SECRET" is a labelled line (issue 13, breaker round 32 D3).
bool IsCell(const xmlNode* node) { return IsNamed(node, "td") || IsNamed(node, "th"); }

// What a reader is never shown as text (HTML Living Standard, rendering:
// "script", "style" and the head's metadata are display:none): a style
// sheet's class names, comments and `content:` strings (".secret {}",
// "/* CONFIDENTIAL */") and a script's strings are code, not the message's
// words (issue 13, round 33 defect 2). "template", "noscript" and text
// hidden by an inline "display:none" are read: mail clients differ on
// them (Outlook's Word engine knows neither "template" nor display:none on
// most elements and shows the text), so a marking there may be what the
// recipient sees.
bool IsSkipped(const xmlNode* node) {
  return IsNamed(node, "script") || IsNamed(node, "style");
}

// The <title> of the <head>: the document's own name, shown in a browser's
// tab and window and as the heading of a saved or printed page, and where
// a template or a DLP tool writes the classification ("<title>SECRET//
// NOFORN</title>", "<title>[SECRET] Convoy timings</title>"). A title is
// written as a subject line is, so it is read as one (Extracted::subjects,
// as an iCalendar SUMMARY is): a banner, or a marking at its head or end,
// counts; "Secret Santa 2026" and "Top secret recipes" do not; and the
// body's own first line stays its first line for the banner rules (issue
// 13, round 33 defect 1). The rest of the head (meta, link, base, script,
// style) is metadata a reader never sees and is not read: "<meta
// name=keywords content='TOP SECRET'>" marks nothing.
void AppendTitles(const xmlNode* head, std::vector<std::string>* subjects) {
  for (const xmlNode* c = head->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || !IsNamed(c, "title")) continue;
    xmlChar* raw = xmlNodeGetContent(c);
    if (raw == nullptr) continue;
    // Blanks and line breaks inside a title collapse to one space, as a
    // browser shows it.
    std::string title;
    for (const char* p = reinterpret_cast<const char*>(raw); *p != 0; ++p) {
      bool blank = *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f';
      if (blank) {
        if (!title.empty() && title.back() != ' ') title.push_back(' ');
      } else {
        title.push_back(*p);
      }
    }
    xmlFree(raw);
    while (!title.empty() && title.back() == ' ') title.pop_back();
    if (!title.empty()) subjects->push_back(std::move(title));
  }
}

// The attribute named `name` of `node` equals `want`, case folded.
bool AttributeIs(const xmlNode* node, const char* name, std::string_view want) {
  xmlChar* raw = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (raw == nullptr) return false;
  bool equal = EqualsNoCase(reinterpret_cast<const char*>(raw), want);
  xmlFree(raw);
  return equal;
}

// An image a reader may not see: <img>, an image map's <area>, an
// <input type=image>, and any element with role="img" (a banner drawn as
// a CSS background with an aria-label).
bool CarriesImageText(const xmlNode* node) {
  return IsNamed(node, "img") || IsNamed(node, "area") ||
         (IsNamed(node, "input") && AttributeIs(node, "type", "image")) ||
         AttributeIs(node, "role", "img");
}

// A form field whose value a reader sees in its box or on its button
// (<input value="UK SECRET">, type text, submit, button, reset and the
// rest; round 43 tester 13): its value, or the placeholder shown greyed in
// an empty box. Not type=hidden, which nobody sees (it is sent with the
// form, not shown), nor password, shown as dots.
bool ShowsFieldValue(const xmlNode* node) {
  return IsNamed(node, "input") && !AttributeIs(node, "type", "image") &&
         !AttributeIs(node, "type", "hidden") && !AttributeIs(node, "type", "password");
}

// The words an image carries for a reader who does not see it, each a line
// of the body at the image's place, as a banner drawn as a picture stands
// ("UK SECRET", "SECRET//NOFORN"): its aria-label and alt (HTML-AAM 4.1,
// the img element's accessible name: what a screen reader says; HTML
// Living Standard 4.8.4.4: what a mail client shows while it blocks remote
// images, as most do by default, and writes into a text/plain alternative)
// and its title (the tooltip, and the accessible description). Each
// distinct non-blank value once, in that order. A decorative image's
// ordinary alt ("Our secret garden", "Secret Escapes logo") is then a line
// of prose, judged as any (issue 13, round 38 item 3). A form field's
// value and placeholder (ShowsFieldValue) likewise, a line each.
std::vector<std::string> ImageText(const xmlNode* node) {
  std::vector<std::string> lines;
  bool field = ShowsFieldValue(node);
  for (const char* name : field ? std::array<const char*, 3>{"value", "placeholder", "aria-label"}
                                : std::array<const char*, 3>{"aria-label", "alt", "title"}) {
    xmlChar* raw = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
    if (raw == nullptr) continue;
    std::string value(reinterpret_cast<const char*>(raw));
    xmlFree(raw);
    if (value.find_first_not_of(" \t\r\n") == std::string::npos) continue;
    if (std::find(lines.begin(), lines.end(), value) == lines.end()) {
      lines.push_back(std::move(value));
    }
  }
  return lines;
}

// Pushed on the walk's stack after a line element's children.
const xmlNode kLineEnd{};
// Pushed after the children of an element that overrides their direction.
const xmlNode kOverrideEnd{};
// Pushed after the children of an element a sheet gives ::after content.
const xmlNode kAfterText{};

// The override an element sets on its text, as the characters that set
// it (U+202E RLO, U+202D LRO; closed by U+202C PDF), or null: <bdo dir=rtl>
// (HTML Living Standard 4.5.25: "bdo" overrides the bidirectional
// algorithm) and an inline `unicode-bidi: bidi-override` or
// `isolate-override` with a `direction` (or the element's dir). A browser
// draws "<bdo dir=rtl>NROFON//TERCES</bdo>" as SECRET//NOFORN; the text is
// put in that order as the override characters are (bidi_display.h).
// The rules of the page's style sheets that select the element count too
// (StyleSheetCaps::Override), below its inline style as in CSS (round 54's
// tester 13, finding 5: "<style>.x{unicode-bidi:bidi-override;
// direction:rtl}</style>" was not read).
const char* OverrideOpening(const xmlNode* node, const StyleSheetCaps& sheets) {
  std::string_view direction;
  std::string style_unicode_bidi, style_direction;
  if (xmlChar* raw = xmlGetProp(node, reinterpret_cast<const xmlChar*>("style"))) {
    ForEachDeclaration(reinterpret_cast<const char*>(raw),
                       [&](const std::string& property, const std::string& value) {
                         if (property == "unicode-bidi") style_unicode_bidi = value;
                         if (property == "direction") style_direction = value;
                       });
    xmlFree(raw);
  }
  if (!sheets.empty() && (style_unicode_bidi.empty() || style_direction.empty())) {
    std::string sheet_direction;
    std::string sheet_bidi = sheets.Override(node, &sheet_direction);
    if (style_unicode_bidi.empty()) style_unicode_bidi = std::move(sheet_bidi);
    if (style_direction.empty()) style_direction = std::move(sheet_direction);
  }
  const bool bdo = IsNamed(node, "bdo");
  if (!bdo && style_unicode_bidi.find("override") == std::string::npos) return nullptr;
  direction = style_direction;
  if (direction.empty() && AttributeIs(node, "dir", "rtl")) direction = "rtl";
  if (direction.empty() && AttributeIs(node, "dir", "ltr")) direction = "ltr";
  if (EqualsNoCase(direction, "rtl")) return "\u202E";
  if (EqualsNoCase(direction, "ltr")) return "\u202D";
  return nullptr;
}

// What an element's inline style says about the case its text is shown in
// (CSS Text 3 text-transform, CSS Fonts 3 font-variant-caps): a lower-case
// "uk secret" under "text-transform:uppercase" or "font-variant:small-caps"
// reaches the reader in capitals, so it is read in capitals (issue 13,
// breaker round 32 D5). The rules of the page's style sheets are read too
// (css_caps.h); the style attribute wins over them, as in CSS.
Caps StyleCaps(const xmlNode* node, const StyleSheetCaps& sheets) {
  xmlChar* raw = xmlGetProp(node, reinterpret_cast<const xmlChar*>("style"));
  if (raw == nullptr) return Caps::kInherit;
  Caps caps = DeclarationCaps(reinterpret_cast<const char*>(raw), &sheets);
  xmlFree(raw);
  return caps;
}

// The rules of every <style> element of the document (head, body, an
// SVG's) that decide capitals. Not its text: a sheet is code, never read
// as the message's words (round 33 defect 2).
StyleSheetCaps ReadStyleSheets(const xmlNode* root) {
  StyleSheetCaps sheets;
  std::vector<const xmlNode*> stack;
  if (root != nullptr) stack.push_back(root);
  while (!stack.empty()) {
    const xmlNode* node = stack.back();
    stack.pop_back();
    if (node->type != XML_ELEMENT_NODE) continue;
    if (IsNamed(node, "style")) {
      if (xmlChar* raw = xmlNodeGetContent(node)) {
        sheets.Add(reinterpret_cast<const char*>(raw));
        xmlFree(raw);
      }
      continue;
    }
    for (const xmlNode* c = node->last; c != nullptr; c = c->prev) stack.push_back(c);
  }
  return sheets;
}

// Text CSS hides from a browser's or a webmail's reader (round 43 tester
// 13, finding 8: "UK SEC<span style="font-size:0">xq</span>RET" shows
// "UK SECRET"): the hidden attribute (HTML Living Standard 6.1), and a
// display:none, visibility:hidden or a font size of zero (DeclarationHides)
// in the inline style or in a rule of the page's style sheets that selects
// the element (StyleSheetCaps::Hides; round 45: "<style>.x{display:none}"
// was not read). Outlook's Word engine shows most of it (IsSkipped), so it
// is read both ways: the text with it and, apart, without it (HtmlToText).
bool IsCssHidden(const xmlNode* node, const StyleSheetCaps& sheets) {
  if (xmlHasProp(node, reinterpret_cast<const xmlChar*>("hidden")) != nullptr) return true;
  if (xmlChar* raw = xmlGetProp(node, reinterpret_cast<const xmlChar*>("style"))) {
    bool hides = false;
    ForEachDeclaration(reinterpret_cast<const char*>(raw),
                       [&](const std::string& property, const std::string& value) {
                         hides = hides || DeclarationHides(property, value);
                       });
    xmlFree(raw);
    if (hides) return true;
  }
  return !sheets.empty() && sheets.Hides(node);
}

// Appends the text of the page under `root` to `*text`: blocks on lines of
// their own, cells side by side, capitals as CSS shows them; the head's
// titles to `*subjects` (when not null). `*saw_hidden` is set when an
// element CSS hides is met; `drop_hidden` leaves such elements out.
void WalkHtml(const xmlNode* root, const StyleSheetCaps& sheets, bool drop_hidden,
              std::string* text, std::vector<std::string>* subjects, bool* saw_hidden) {
  // Iterative walk: hostile HTML can nest deeper than the stack allows.
  // Each entry carries whether its text is shown in capitals (StyleCaps).
  std::vector<std::pair<const xmlNode*, bool>> stack;
  if (root != nullptr) stack.emplace_back(root, false);
  std::vector<RaisedRun> raised;  // text shown in capitals, typed in lower case
  std::vector<std::string> after_texts;  // of the kAfterText entries on the stack
  auto append_shown = [&](const std::string& shown, bool in_capitals) {
    if (in_capitals) {
      AppendUpperAscii(text, shown, &raised);
    } else {
      text->append(shown);
    }
  };
  while (!stack.empty()) {
    auto [node, upper] = stack.back();
    stack.pop_back();
    if (node == nullptr) {  // marks the end of a block element
      text->push_back('\n');
      continue;
    }
    if (node == &kLineEnd) {  // marks the end of a "div"
      BreakLine(text);
      continue;
    }
    if (node == &kOverrideEnd) {
      text->append("\u202C");  // PDF
      continue;
    }
    if (node == &kAfterText) {  // the element's ::after content
      append_shown(after_texts.back(), upper);
      after_texts.pop_back();
      continue;
    }
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      if (node->content != nullptr) {
        const char* content = reinterpret_cast<const char*>(node->content);
        if (upper) {
          AppendUpperAscii(text, content, &raised);
        } else {
          text->append(content);
        }
      }
      continue;
    }
    if (node->type != XML_ELEMENT_NODE || IsSkipped(node)) continue;
    if (IsNamed(node, "head")) {
      if (subjects != nullptr) AppendTitles(node, subjects);
      continue;
    }
    if (IsCssHidden(node, sheets)) {
      *saw_hidden = true;
      if (drop_hidden) continue;
    }
    if (CarriesImageText(node) || ShowsFieldValue(node)) {
      for (const std::string& line : ImageText(node)) {
        BreakLine(text);
        if (upper) {
          AppendUpperAscii(text, line, &raised);
        } else {
          text->append(line);
        }
        text->push_back('\n');
      }
    }
    if (IsNamed(node, "br")) {
      text->push_back('\n');
    } else if (IsLineBreak(node)) {
      BreakLine(text);
      stack.emplace_back(&kLineEnd, false);
    } else if (IsCell(node)) {
      if (!text->empty() && text->back() != '\n') text->push_back('\t');
    } else if (IsBlock(node)) {
      text->push_back('\n');
      stack.emplace_back(nullptr, false);
    }
    Caps caps = StyleCaps(node, sheets);
    if (caps == Caps::kInherit && !sheets.empty()) caps = sheets.For(node);
    if (caps != Caps::kInherit) upper = caps == Caps::kUpper;
    if (const char* opening = OverrideOpening(node, sheets)) {
      text->append(opening);
      stack.emplace_back(&kOverrideEnd, false);
    }
    // A sheet's ::before and ::after content, shown inside the element
    // around its children (css_caps.h, Generated).
    if (!sheets.empty()) {
      append_shown(sheets.Generated(node, true), upper);
      if (std::string after = sheets.Generated(node, false); !after.empty()) {
        after_texts.push_back(std::move(after));
        stack.emplace_back(&kAfterText, upper);
      }
    }
    // Children pushed in reverse so they pop in document order.
    const std::size_t first = stack.size();
    for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
      stack.emplace_back(c, upper);
    }
    std::reverse(stack.begin() + static_cast<std::ptrdiff_t>(first), stack.end());
  }
  TypedCaseInCellRows(text, raised);
}

}  // namespace

Extracted HtmlToText(std::string_view html) {
  Extracted out;
  const std::string_view as_given = html;
  std::string revealed, shown_to_outlook;
  if (DropRevealedConditionals(html, &revealed)) html = revealed;
  if (RevealMsoConditionals(html, &shown_to_outlook)) html = shown_to_outlook;
  // The parser knows HTML 4's named references only (html_entities.h).
  std::string rewritten;
  if (RewriteHtml5Entities(html, &rewritten)) html = rewritten;
  // libxml2 told "UTF-8" switches the rest of a page to Latin-1 at the
  // first byte that is not UTF-8: a page saved with no charset in
  // Windows-1252 lost its en dashes, and UTF-8 after that byte was misread.
  // Each such byte is read as Windows-1252 instead (text_charset.h).
  std::string mended;
  if (MendInvalidUtf8(html, &mended)) html = mended;
  if (html.size() > INT_MAX) {
    out.errors.push_back("HTML part too large");
    return out;
  }
  std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)> doc(
      htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr,
                     "UTF-8",
                     HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                         HTML_PARSE_NOWARNING | HTML_PARSE_NONET),
      &xmlFreeDoc);
  if (!doc) {
    out.errors.push_back("HTML could not be parsed");
    return out;
  }
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  const StyleSheetCaps sheets = ReadStyleSheets(root);
  bool hidden = false;
  WalkHtml(root, sheets, false, &out.text, &out.subjects, &hidden);
  LabelProperties labels;
  ReadHtmlLabels(as_given, root, &labels, &out.document_subjects);
  out.msip_labels = std::move(labels.msip_labels);
  out.classifications = std::move(labels.classifications);
  if (hidden) {
    // The page as a browser shows it, what CSS hides left out: a marking
    // split by hidden letters reads whole there (IsCssHidden).
    std::string shown;
    WalkHtml(root, sheets, true, &shown, nullptr, &hidden);
    out.hidden.push_back({"without text hidden by CSS", std::move(shown)});
  }
  CollectHtmlEmbedded(root, &out);
  out.has_text = true;
  return out;
}

}  // namespace nearmiss::content
