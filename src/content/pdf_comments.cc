// ReadPdfComments: see pdf_comments.h.
#include "content/pdf_comments.h"

#include <poppler.h>

#include <string>

namespace nearmiss::content {

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
      if (m == nullptr || m->annot == nullptr || !POPPLER_IS_ANNOT_MARKUP(m->annot)) continue;
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
