#include "content/pdf_images.h"

#include <poppler.h>

#include <algorithm>

namespace nearmiss::content {

std::size_t CountLettersAndDigits(std::string_view text) {
  std::size_t n = 0;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    // A UTF-8 sequence counts once, by its lead byte.
    n += (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
         c >= 0xC0;
  }
  return n;
}

bool PageIsPictures(PopplerDocument* doc, int index, std::string_view page_text) {
  const std::size_t letters = CountLettersAndDigits(page_text);
  if (letters >= kScanStampLetters) return false;
  PopplerPage* page = poppler_document_get_page(doc, index);
  if (page == nullptr) return false;
  double width = 0, height = 0;
  poppler_page_get_size(page, &width, &height);
  GList* images = poppler_page_get_image_mapping(page);
  bool any = images != nullptr;
  double covered = 0;
  for (GList* l = images; l != nullptr; l = l->next) {
    const PopplerRectangle& r = static_cast<PopplerImageMapping*>(l->data)->area;
    // Clipped to the page: a picture bled past the edge covers the page.
    const double w = std::min(std::max(r.x1, r.x2), width) - std::max(std::min(r.x1, r.x2), 0.0);
    const double h = std::min(std::max(r.y1, r.y2), height) - std::max(std::min(r.y1, r.y2), 0.0);
    if (w > 0 && h > 0) covered += w * h;
  }
  poppler_page_free_image_mapping(images);
  g_object_unref(page);
  if (!any) return false;
  if (letters == 0) return true;
  return width > 0 && height > 0 && covered >= kScanCover * width * height;
}

}  // namespace nearmiss::content
