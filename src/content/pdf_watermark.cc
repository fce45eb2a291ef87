// Watermarks drawn across a PDF page (pdf_watermark.h).
#include "content/pdf_watermark.h"

#include <poppler-page.h>

#include <algorithm>
#include <cmath>

namespace nearmiss::content {
namespace {

// Fewer slanted fragments than this are a rotated label or a stray letter.
constexpr std::size_t kMinFragments = 3;
// A step between fragment centres, per letter, this much over the line's
// median is a word gap (a blank is about a third of a capital's width in
// the usual fonts; the letters themselves vary by a fifth).
constexpr double kWordGap = 1.15;
// ... and this much over it, another line of text.
constexpr double kLineGap = 3.0;

std::size_t Letters(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;  // code points
  return n;
}

}  // namespace

bool MayHoldWatermark(std::string_view page_text) {
  int short_lines = 0;
  for (std::size_t at = 0; at < page_text.size();) {
    std::size_t stop = page_text.find('\n', at);
    if (stop == std::string_view::npos) stop = page_text.size();
    std::size_t marks = 0;
    for (std::size_t i = at; i < stop; ++i) {
      char c = page_text[i];
      marks += c != ' ' && c != '\t' && c != '\r' && c != '\f' &&
               (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }
    if (marks >= 1 && marks <= 2 && ++short_lines >= 2) return true;
    at = stop + 1;
  }
  return false;
}

std::vector<PdfTextBox> PageTextBoxes(const poppler::page& page) {
  std::vector<PdfTextBox> out;
  for (const poppler::text_box& b : page.text_list()) {
    if (b.rotation() == 0) continue;
    poppler::byte_array utf8 = b.text().to_utf8();
    poppler::rectf r = b.bbox();
    out.push_back({std::string(utf8.data(), utf8.size()), r.x() + r.width() / 2,
                   r.y() + r.height() / 2, b.rotation()});
  }
  return out;
}

std::vector<std::string> JoinWatermarkFragments(std::vector<PdfTextBox> boxes) {
  std::vector<std::string> lines;
  std::erase_if(boxes, [](const PdfTextBox& b) { return b.rotation == 0 || b.text.empty(); });
  if (boxes.size() < kMinFragments) return lines;
  // Along the line: a slanted line rises or falls left to right, so its
  // fragments sort by x; a vertical one (all x alike) by y, top down for
  // poppler's rotation 1, bottom up for 3.
  double min_x = boxes[0].x, max_x = boxes[0].x;
  for (const PdfTextBox& b : boxes) min_x = std::min(min_x, b.x), max_x = std::max(max_x, b.x);
  bool vertical = max_x - min_x < 1.0;
  std::sort(boxes.begin(), boxes.end(), [&](const PdfTextBox& a, const PdfTextBox& b) {
    if (!vertical) return a.x < b.x;
    return boxes[0].rotation == 3 ? a.y > b.y : a.y < b.y;
  });
  std::vector<double> steps;  // per letter, between neighbours
  for (std::size_t i = 1; i < boxes.size(); ++i) {
    double d = std::hypot(boxes[i].x - boxes[i - 1].x, boxes[i].y - boxes[i - 1].y);
    double letters = (Letters(boxes[i].text) + Letters(boxes[i - 1].text)) / 2.0;
    steps.push_back(d / std::max(letters, 1.0));
  }
  std::vector<double> sorted = steps;
  std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 2, sorted.end());
  const double median = sorted[sorted.size() / 2];
  std::string line = boxes[0].text;
  for (std::size_t i = 1; i < boxes.size(); ++i) {
    double step = steps[i - 1];
    if (step > kLineGap * median) {
      lines.push_back(std::move(line));
      line.clear();
    } else if (step > kWordGap * median) {
      line.push_back(' ');
    }
    line += boxes[i].text;
  }
  lines.push_back(std::move(line));
  return lines;
}

}  // namespace nearmiss::content
