// PDF text through poppler-cpp. Pages are separated by form feeds so that a
// banner line at the top or bottom of any page counts as a banner. The
// document's metadata (title, labels) follows as a page of its own, then
// its form fields' values (pdf_forms.h) as another. Files attached in it are
// read as members (pdf_attachments.h). A page that shows its words only as
// pictures (a scan) is reported not read (pdf_images.h), and so is a page
// whose composite font gives no Unicode (pdf_fonts.h). The pages of its
// earlier revisions are read as hidden text (pdf_revisions.h).
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>
#include <poppler-toc.h>
#include <poppler.h>

#include <climits>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "content/extract.h"
#include "content/label_properties.h"
#include "content/line_text.h"
#include "content/pdf_attachments.h"
#include "content/pdf_comments.h"
#include "content/pdf_fonts.h"
#include "content/pdf_forms.h"
#include "content/pdf_images.h"
#include "content/document_properties.h"
#include "content/pdf_revisions.h"
#include "content/pdf_watermark.h"

namespace nearmiss::content {
namespace {

// Complaints of poppler's that a stream's filter could not decode it
// (poppler's Stream.cc: "Unexpected end of file in flate stream", "Bad
// block header in flate stream", "Bad LZW stream", ...), on this thread: a
// page whose content stream does not decode is drawn short or empty, and
// the words it held are not read (issue 13, round 43 tester finding 14).
thread_local unsigned decode_complaints = 0;
thread_local std::string last_decode_complaint;

bool IsDecodeComplaint(std::string_view message) {
  for (std::string_view filter : {"flate stream", "LZW stream", "ASCII85", "ASCIIHex",
                                  "RunLength", "Bad LZW"}) {
    if (message.find(filter) != std::string_view::npos) return true;
  }
  return false;
}

// Complaints are counted, not printed: an attached file's stream that does
// not decode is told apart from a short one (pdf_attachments.h), and so is
// a page's (above).
void Quiet(const std::string& message, void* /*closure*/) {
  NotePopplerError();
  if (IsDecodeComplaint(message)) {
    ++decode_complaints;
    // "error (241): Bad block header in flate stream": the complaint, not
    // its kind and byte position.
    std::size_t at = message.find("): ");
    last_decode_complaint = at == std::string::npos ? message : message.substr(at + 3);
  }
}

// Poppler's physical layout keeps the blanks between the cells of one
// printed line: a page header or footer laid out left, centre and right
// ("MOD/2026/114          UK SECRET          Page 1 of 3") has gaps of
// kCellGap blanks or more (line_text.h).
// The lines at a page's top and bottom that are split into cells: as many
// as the banner rule looks at (position.h kBannerLines).
constexpr int kEdgeLines = 3;

// Appends one page's text with the first and last kEdgeLines non-blank
// lines split at each gap of kCellGap blanks or more, so that the cell
// holding the classification stands as a paragraph of its own (a blank
// line between cells) for the banner rule. Lines in the middle of the page are left as laid out.
void AppendPage(std::string_view page, std::string* out) {
  std::vector<std::string_view> lines;
  for (std::size_t at = 0; at <= page.size();) {
    std::size_t stop = page.find('\n', at);
    if (stop == std::string_view::npos) stop = page.size();
    lines.push_back(page.substr(at, stop - at));
    at = stop + 1;
  }
  auto blank = [](std::string_view l) {
    return l.find_first_not_of(" \t\r") == std::string_view::npos;
  };
  std::vector<bool> edge(lines.size(), false);
  for (int pass = 0; pass < 2; ++pass) {
    int seen = 0;
    for (std::size_t k = 0; k < lines.size() && seen < kEdgeLines; ++k) {
      std::size_t i = pass == 0 ? k : lines.size() - 1 - k;
      if (blank(lines[i])) continue;
      edge[i] = true;
      ++seen;
    }
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out->push_back('\n');
    std::string_view line = lines[i];
    if (!edge[i]) {
      out->append(line);
      continue;
    }
    std::size_t run = 0;
    for (char c : line) {
      if (c == ' ' || c == '\t') {
        ++run;
        continue;
      }
      if (run > 0) out->append(run >= kCellGap ? "\n\n" : std::string(run, ' '));
      run = 0;
      out->push_back(c);
    }
  }
}

// A document's outline (PDF 32000-1 12.3.3, the viewer's bookmarks pane):
// each entry's /Title on a line of its own, on a page of its own after the
// pages ("SECRET//NOFORN - Annex A"). A reader sees them beside the pages
// as the Office readers' every part a reader sees (round 55's tester 13-b,
// finding 7). At most kMaxOutlineItems entries, kMaxOutlineDepth levels:
// past them the outline is not read further, and the scan says so.
constexpr int kMaxOutlineItems = 4096;
constexpr int kMaxOutlineDepth = 32;

void AppendOutline(const poppler::toc_item& item, int depth, int* items, std::string* lines,
                   bool* cut) {
  for (const poppler::toc_item* child : item.children()) {
    if (child == nullptr) continue;
    if (++*items > kMaxOutlineItems || depth > kMaxOutlineDepth) {
      *cut = true;
      return;
    }
    poppler::byte_array title = child->title().to_utf8();
    lines->append(title.data(), title.size());
    lines->push_back('\n');
    AppendOutline(*child, depth + 1, items, lines, cut);
  }
}

void ReadOutline(std::string_view name, const poppler::document& doc, Extracted* out) {
  std::unique_ptr<poppler::toc> toc(doc.create_toc());
  if (!toc || toc->root() == nullptr) return;
  std::string lines;
  int items = 0;
  bool cut = false;
  AppendOutline(*toc->root(), 0, &items, &lines, &cut);
  if (cut) {
    out->errors.push_back(std::string(name) + ": bookmarks past the first " +
                          std::to_string(kMaxOutlineItems) + " (or " +
                          std::to_string(kMaxOutlineDepth) + " levels deep) are not read");
  }
  if (lines.empty()) return;
  if (!out->text.empty() && out->text.back() != '\f') out->text.push_back('\f');
  out->places.Start(out->text, "bookmarks");
  out->text += lines;
  out->text.push_back('\f');
}

// A page's label (ISO 32000-1 12.4.2, the catalog's /PageLabels: a prefix
// and a numbering style per range, "SECRET-1", "A-3", "iv"), which a
// viewer shows in its page box and thumbnails: on a line of its own in
// `*labels`, read on a page of their own after the pages as the outline's
// titles are. poppler gives the page's number for a page with no label
// ("1"): that is not appended (round 55's tester 13-b, carried: a label
// "SECRET-1" was not read).
void AppendPageLabel(const poppler::page& page, int index, std::string* labels) {
  poppler::byte_array label = page.label().to_utf8();
  const std::string_view text(label.data(), label.size());
  if (text.empty() || text == std::to_string(index + 1)) return;
  labels->append(text);
  labels->push_back('\n');
}

// The document's metadata (ISO 32000-1 section 14.3): its information
// dictionary's keys and its XMP stream, for label keys and classification
// properties (label_properties.h); and its Title, Subject and Keywords, the
// words a viewer shows in its title bar and properties, and the same
// fields of its XMP (dc:title, dc:subject, dc:description, pdf:Keywords:
// where PDF 2.0 keeps them), each a page of its own after the last page
// (document_properties.h).
void ReadMetadata(std::string_view name, const poppler::document& doc,
                  Extracted* out) {
  LabelProperties labels;
  for (const std::string& key : doc.info_keys()) {
    poppler::byte_array value = doc.info_key(key).to_utf8();
    std::string_view text(value.data(), value.size());
    OfferLabelProperty(key, text, &labels);
    if (key == "Title" || key == "Subject" || key == "Keywords") {
      AppendPropertyPage(key, text, out);
    }
  }
  poppler::byte_array xmp = doc.metadata().to_utf8();
  // A packet that does not parse may hold the document's label: an error
  // (an unreadable attachment for the policy), as for a malformed part of
  // an Office file, not a silent skip.
  std::string_view packet(xmp.data(), xmp.size());
  if (!xmp.empty() &&
      (!OfferXmpProperties(packet, &labels) || !XmpPropertiesToText(packet, out))) {
    out->errors.push_back(std::string(name) + ": XMP metadata: malformed XML");
  }
  out->msip_labels += labels.msip_labels;
  for (std::string& c : labels.classifications) out->classifications.push_back(std::move(c));
}

// The text of one earlier revision's pages, laid out as the document's
// own (AppendPage, '\f' after each page), into `text`; false when the
// byte budget stops it (a limit added).
bool RevisionText(std::string_view name, int revision, const poppler::document& doc,
                  ExtractBudget& budget, std::size_t* used, std::string* text,
                  Extracted* out) {
  for (int i = 0; i < doc.pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc.create_page(i));
    if (!page) continue;
    poppler::byte_array utf8 = page->text().to_utf8();
    if (*used + utf8.size() > budget.per_attachment_bytes ||
        utf8.size() > budget.total_bytes_left) {
      std::string detail(name);
      detail += ": text exceeds budget at earlier revision ";
      detail += std::to_string(revision);
      out->limits.push_back({"max-attachment-bytes", std::move(detail)});
      return false;
    }
    *used += utf8.size();
    budget.total_bytes_left -= utf8.size();
    AppendPage(std::string_view(utf8.data(), utf8.size()), text);
    text->push_back('\f');
  }
  return true;
}

// Each earlier revision (pdf_revisions.h) opened on its own bytes and its
// pages read, as Extracted::hidden "earlier revision N" when they read
// otherwise than the document's `pages`. Bounded by the time budget, the
// byte budget and max_archive_members revisions. A revision poppler cannot
// open (no viewer shows it either) or that has no pages (a cut that is not
// a whole file) is passed over.
void ReadEarlierRevisions(std::string_view name, std::string_view bytes,
                          std::string_view pages, ExtractBudget& budget,
                          std::size_t* used, Extracted* out) {
  const std::vector<std::size_t> ends = EarlierRevisionEnds(bytes);
  for (std::size_t k = 0; k < ends.size(); ++k) {
    const int revision = static_cast<int>(k) + 1;
    std::string detail(name);
    if (k >= budget.max_archive_members) {
      detail += ": more than ";
      detail += std::to_string(budget.max_archive_members);
      detail += " earlier revisions; the oldest read, the rest not";
      out->limits.push_back({"max-archive-members", std::move(detail)});
      return;
    }
    if (budget.TimeUp()) {
      detail += ": stopped at earlier revision ";
      detail += std::to_string(revision);
      out->limits.push_back({"max-extraction-time", std::move(detail)});
      return;
    }
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(ends[k])));
    if (!doc || doc->is_locked() || doc->pages() == 0) continue;
    std::string text;
    const bool whole = RevisionText(name, revision, *doc, budget, used, &text, out);
    if (text != pages) {
      out->hidden.push_back({"earlier revision " + std::to_string(revision), std::move(text)});
    }
    if (!whole) return;
  }
}

}  // namespace

Extracted ExtractPdf(std::string_view name, std::string_view bytes,
                     ExtractBudget& budget) {
  Extracted out;
  // Poppler writes parse complaints to stderr by default; ours go to errors.
  static std::once_flag quiet;
  std::call_once(quiet, [] { poppler::set_debug_error_function(&Quiet, nullptr); });
  if (bytes.size() > INT_MAX) {
    out.errors.push_back(std::string(name) + ": PDF too large");
    return out;
  }
  try {
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(
        bytes.data(), static_cast<int>(bytes.size())));
    if (!doc) {
      out.errors.push_back(std::string(name) + ": PDF could not be parsed");
      return out;
    }
    // Locked: a user password is needed to open it (an owner password
    // alone leaves the text readable). The policy decides, as for an
    // encrypted zip member.
    if (doc->is_locked()) {
      out.encrypted = true;
      return out;
    }
    // poppler-glib, opened once: the images of pages with little text
    // (pdf_images.h), form values and attached files, which poppler-cpp
    // does not give (pdf_forms.h, pdf_attachments.h).
    std::unique_ptr<PopplerDocument, void (*)(PopplerDocument*)> glib(
        OpenGlibPdf(name, bytes, &out), [](PopplerDocument* d) {
          if (d != nullptr) g_object_unref(d);
        });
    std::string pictures;  // the pages read as pictures: "1, 3"
    int picture_pages = 0;
    std::string drawings;  // the pages drawn without words (PageIsDrawing)
    int drawing_pages = 0;
    std::size_t used = 0;
    std::string labels;  // the pages' own labels (AppendPageLabel)
    for (int i = 0; i < doc->pages(); ++i) {
      if (budget.TimeUp()) {
        out.limits.push_back({"max-extraction-time",
                              std::string(name) + ": stopped at page " +
                                  std::to_string(i + 1)});
        break;
      }
      if (budget.on_page) budget.on_page(i + 1, doc->pages());
      std::unique_ptr<poppler::page> page(doc->create_page(i));
      if (!page) continue;
      AppendPageLabel(*page, i, &labels);
      const unsigned complaints = decode_complaints;
      poppler::byte_array utf8 = page->text().to_utf8();
      if (decode_complaints != complaints) {
        std::string error(name);
        error += ": page ";
        error += std::to_string(i + 1);
        error += "'s content stream could not be decoded (";
        error += last_decode_complaint;
        error += "); what it draws is not read";
        out.errors.push_back(std::move(error));
      }
      if (used + utf8.size() > budget.per_attachment_bytes ||
          utf8.size() > budget.total_bytes_left) {
        out.limits.push_back({"max-attachment-bytes",
                              std::string(name) + ": text exceeds budget at page " +
                                  std::to_string(i + 1)});
        break;
      }
      used += utf8.size();
      budget.total_bytes_left -= utf8.size();
      const std::string_view page_text(utf8.data(), utf8.size());
      if (glib && PageIsPictures(glib.get(), i, page_text)) {
        if (picture_pages++ > 0) pictures += ", ";
        pictures += std::to_string(i + 1);
      } else if (glib && PageIsDrawing(glib.get(), i, page_text)) {
        if (drawing_pages++ > 0) drawings += ", ";
        drawings += std::to_string(i + 1);
      }
      std::string place = "page ";
      place += std::to_string(i + 1);
      out.places.Start(out.text, std::move(place));
      AppendPage(page_text, &out.text);
      // A watermark across the page, its letters scattered by the layout:
      // joined, each line a paragraph at the page's foot, where a banner
      // of the whole page stands (pdf_watermark.h; round 41 item 4).
      if (MayHoldWatermark(page_text)) {
        for (const std::string& line : JoinWatermarkFragments(PageTextBoxes(*page))) {
          out.text.append("\n\n");
          out.text.append(line);
          out.text.push_back('\n');
        }
      }
      out.text.push_back('\f');
    }
    if (!pictures.empty()) {
      // Unread words: an error, so the scan is incomplete and the policy's
      // action for unreadable content decides (pdf_images.h).
      std::string error(name);
      error += picture_pages > 1 ? ": pages " : ": page ";
      error += pictures;
      error += picture_pages > 1 ? " show only pictures and no text (a scan?); their words"
                                 : " shows only pictures and no text (a scan?); its words";
      error += " are not read";
      out.errors.push_back(std::move(error));
    }
    if (!drawings.empty()) {
      std::string error(name);
      error += drawing_pages > 1 ? ": pages " : ": page ";
      error += drawings;
      error += drawing_pages > 1 ? " draw shapes and hold no text (outlined text, a CAD drawing?);"
                                   " their words are not read"
                                 : " draws shapes and holds no text (outlined text, a CAD drawing?);"
                                   " its words are not read";
      out.errors.push_back(std::move(error));
    }
    // Text in a font with no Unicode for its glyphs was read as glyph
    // numbers: not read (pdf_fonts.h; round 45 tester 13, finding 4).
    for (std::string& error : FontsWithoutUnicode(name, bytes)) out.errors.push_back(std::move(error));
    const std::string pages = out.text;
    out.places.Start(out.text, "document properties");
    ReadMetadata(name, *doc, &out);
    ReadOutline(name, *doc, &out);
    if (!labels.empty()) {
      if (!out.text.empty() && out.text.back() != '\f') out.text.push_back('\f');
      out.places.Start(out.text, "page labels");
      out.text += labels;
      out.text.push_back('\f');
    }
    if (glib) {
      ReadPdfComments(name, glib.get(), budget, &out);
      out.places.Start(out.text, "form fields");
      ReadPdfFormFields(name, glib.get(), budget, &out);
      ReadPdfAttachments(name, glib.get(), bytes.size(), budget, &out);
    }
    ReadEarlierRevisions(name, bytes, pages, budget, &used, &out);
    out.has_text = true;
  } catch (const std::exception& e) {
    out.errors.push_back(std::string(name) + ": PDF extraction failed: " +
                         e.what());
  }
  return out;
}

}  // namespace nearmiss::content
