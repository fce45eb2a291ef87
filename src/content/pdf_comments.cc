// ReadPdfComments: see pdf_comments.h.
#include "content/pdf_comments.h"

#include <poppler.h>

#include <string>

namespace nearmiss::content {
namespace {

// The words a viewer draws for a standard stamp name (ISO 32000-1 12.5.6.12,
// Table 181): Acrobat draws them as outlines, so the name is the only text
// the stamp has ("/Name /TopSecret"; round 50's tester 13, finding 9).
// Only the names that mark or release; "", for the others.
std::string_view StampWords(PopplerAnnotStampIcon icon) {
  switch (icon) {
    case POPPLER_ANNOT_STAMP_ICON_TOP_SECRET: return "TOP SECRET";
    case POPPLER_ANNOT_STAMP_ICON_CONFIDENTIAL: return "CONFIDENTIAL";
    case POPPLER_ANNOT_STAMP_ICON_NOT_FOR_PUBLIC_RELEASE: return "NOT FOR PUBLIC RELEASE";
    case POPPLER_ANNOT_STAMP_ICON_FOR_PUBLIC_RELEASE: return "FOR PUBLIC RELEASE";
    default: return "";
  }
}

}  // namespace

void ReadPdfComments(std::string_view name, PopplerDocument* doc, ExtractBudget& budget,
                     Extracted* out) {
  std::size_t used = 0;
  const int pages = poppler_document_get_n_pages(doc);
  for (int i = 0; i < pages; ++i) {
    PopplerPage* page = poppler_document_get_page(doc, i);
    if (page == nullptr) continue;
    std::string comments;
    GList* mapping = poppler_page_get_annot_mapping(page);
    for (GList* l = mapping; l != nullptr; l = l->next) {
      auto* m = static_cast<PopplerAnnotMapping*>(l->data);
      if (m == nullptr || m->annot == nullptr) continue;
      if (POPPLER_IS_ANNOT_STAMP(m->annot)) {
        // The stamp's drawn words on a line of their own, as a banner.
        const std::string_view words =
            StampWords(poppler_annot_stamp_get_icon(POPPLER_ANNOT_STAMP(m->annot)));
        if (!words.empty()) comments.append(words).append("\n\n");
      }
      if (!POPPLER_IS_ANNOT_MARKUP(m->annot) && !POPPLER_IS_ANNOT_STAMP(m->annot)) continue;
      gchar* contents = poppler_annot_get_contents(m->annot);
      if (contents != nullptr && *contents != '\0') {
        comments.append(contents);
        comments.append("\n\n");
      }
      g_free(contents);
    }
    poppler_page_free_annot_mapping(mapping);
    g_object_unref(page);
    if (comments.empty()) continue;
    if (used + comments.size() > budget.per_attachment_bytes ||
        comments.size() > budget.total_bytes_left) {
      out->limits.push_back({"max-attachment-bytes", std::string(name) +
                                                         ": comments exceed budget at page " +
                                                         std::to_string(i + 1)});
      return;
    }
    used += comments.size();
    budget.total_bytes_left -= comments.size();
    out->places.Start(out->text, "comments on page " + std::to_string(i + 1));
    out->text.append(comments);
    out->text.push_back('\f');
  }
}

}  // namespace nearmiss::content
