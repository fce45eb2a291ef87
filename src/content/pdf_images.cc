#include "content/pdf_images.h"

#include <cairo.h>
#include <poppler.h>

#include <algorithm>
#include <cstdint>

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

namespace {

// Rendered at a quarter of its size in points (a US Letter page is 153 by
// 198 pixels): enough to see a stroke, cheap for the rare page asked.
constexpr double kDrawScale = 0.25;

// Whether the page, rendered over white, leaves any pixel that is not
// white: it draws something (paths, shapes, outlined letters) though its
// text layer holds nothing. Asked only of a page with no letter, no digit
// and no image.
bool PageDrawsMarks(PopplerPage* page, double width, double height) {
  const int w = std::max(1, static_cast<int>(width * kDrawScale));
  const int h = std::max(1, static_cast<int>(height * kDrawScale));
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_scale(cr, kDrawScale, kDrawScale);
  poppler_page_render(page, cr);
  cairo_destroy(cr);
  cairo_surface_flush(surface);
  bool marked = false;
  const unsigned char* data = cairo_image_surface_get_data(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  for (int y = 0; y < h && !marked && data != nullptr; ++y) {
    const auto* row = reinterpret_cast<const std::uint32_t*>(data + y * stride);
    for (int x = 0; x < w; ++x) {
      if ((row[x] & 0x00FFFFFFu) != 0x00FFFFFFu) {
        marked = true;
        break;
      }
    }
  }
  cairo_surface_destroy(surface);
  return marked;
}

}  // namespace

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

bool PageIsDrawing(PopplerDocument* doc, int index, std::string_view page_text) {
  if (CountLettersAndDigits(page_text) > 0) return false;
  PopplerPage* page = poppler_document_get_page(doc, index);
  if (page == nullptr) return false;
  GList* images = poppler_page_get_image_mapping(page);
  const bool any = images != nullptr;
  poppler_page_free_image_mapping(images);
  double width = 0, height = 0;
  poppler_page_get_size(page, &width, &height);
  const bool drawn = !any && PageDrawsMarks(page, width, height);
  g_object_unref(page);
  return drawn;
}

}  // namespace nearmiss::content
