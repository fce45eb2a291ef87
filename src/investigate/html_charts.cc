// Inline SVG charts: no script, no fonts, no external assets, so the report
// renders the same offline, in a mail client's viewer, and on paper.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iterator>

#include "base/text_format.h"
#include "investigate/render.h"

namespace nearmiss::investigate {
namespace {

// Sent (mail reached the look-alike), bounced, deferred, expired, discarded,
// outcome unknown (handed to a relay; final delivery not in the logs given), found in a
// Sent folder (sent; whether it arrived is not known from a mailbox),
// rejected by a milter, held in the hold queue, deleted by an administrator
// (postsuper -d).
constexpr const char* kPartColours[] = {"#c0392b", "#95a5a6", "#e0a030", "#6c5b7b", "#2e86c1",
                                        "#5d4037", "#f1948a", "#117a65", "#b7950b", "#1b2631"};
constexpr size_t kParts = std::size(kPartColours);

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

int64_t Total(const Bar& b) {
  int64_t t = 0;
  for (int64_t p : b.parts) t += p;
  return t;
}

// A round axis maximum at or above `v` whose quarter is a whole number, so
// that each of the four gridlines is labelled with its exact value (a
// maximum of 10 would put gridlines at 2.5 and 7.5, labelled 2 and 7): four
// times a step of 1, 2, 2.5, 3, 4, 5, 6 or 8 x 10^k.
int64_t NiceMax(int64_t v) {
  int64_t need = std::max<int64_t>(1, (v + 3) / 4);  // the smallest step
  for (int64_t p = 1;; p *= 10) {
    for (int64_t tenths : {10, 20, 25, 30, 40, 50, 60, 80}) {
      if (tenths * p % 10 != 0) continue;  // 2.5 only from 25 up
      int64_t step = tenths * p / 10;
      if (step >= need) return 4 * step;
    }
    if (p > INT64_MAX / 100) return 4 * need;
  }
}

}  // namespace

std::string Html(std::string_view t) { return HtmlEscape(ShowInvisible(t)); }

std::string ColumnChartSvg(const std::vector<Bar>& bars, std::string_view title) {
  const double w = 640, h = 250, left = 44, bottom = 36, top = 12;
  int64_t max = 0;
  for (const Bar& b : bars) max = std::max(max, Total(b));
  max = NiceMax(max);
  std::string s = "<svg class=\"chart\" viewBox=\"0 0 640 250\" role=\"img\" aria-label=\"" +
                  Html(title) + "\">";
  for (int i = 0; i <= 4; ++i) {
    double y = top + (h - top - bottom) * (1 - i / 4.0);
    s += "<line x1=\"" + Num(left) + "\" x2=\"" + Num(w - 8) + "\" y1=\"" + Num(y) + "\" y2=\"" +
         Num(y) + "\" class=\"grid\"/>";
    s += "<text x=\"" + Num(left - 8) + "\" y=\"" + Num(y + 4) + "\" class=\"axis\" "
         "text-anchor=\"end\">" + Thousands(max * i / 4) + "</text>";
  }
  size_t n = std::max<size_t>(bars.size(), 1);
  double slot = (w - left - 8) / n;
  double bw = std::min(46.0, slot * 0.68);
  size_t label_every = n > 18 ? (n + 11) / 12 : 1;
  for (size_t i = 0; i < bars.size(); ++i) {
    double x = left + slot * i + (slot - bw) / 2;
    double y = h - bottom;
    // A month no log read (coverage.h) says so, never "0 deliveries".
    std::string tip = bars[i].label + ": " +
                      (bars[i].note.empty() ? Counted(Total(bars[i]), "delivery", "deliveries")
                                            : bars[i].note);
    s += "<g><title>" + Html(tip) + "</title>";
    if (!bars[i].note.empty()) {
      s += "<text x=\"" + Num(x + bw / 2) + "\" y=\"" + Num(y - 6) +
           "\" class=\"note\" text-anchor=\"middle\">no log</text>";
    }
    for (size_t p = 0; p < bars[i].parts.size() && p < kParts; ++p) {
      double bh = (h - top - bottom) * bars[i].parts[p] / static_cast<double>(max);
      if (bh <= 0) continue;
      y -= bh;
      s += "<rect x=\"" + Num(x) + "\" y=\"" + Num(y) + "\" width=\"" + Num(bw) +
           "\" height=\"" + Num(bh) + "\" fill=\"" + kPartColours[p] + "\"/>";
    }
    s += "</g>";
    if (i % label_every == 0) {
      s += "<text x=\"" + Num(x + bw / 2) + "\" y=\"" + Num(h - bottom + 18) +
           "\" class=\"axis\" text-anchor=\"middle\">" + Html(bars[i].label) + "</text>";
    }
  }
  return s + "</svg>";
}

std::string BarListSvg(const std::vector<Bar>& bars) {
  const double w = 640, row = 34, label_w = 230;
  double h = std::max<double>(row * bars.size() + 8, 40);
  int64_t max = 1;
  for (const Bar& b : bars) max = std::max(max, Total(b));
  std::string s = "<svg class=\"chart\" viewBox=\"0 0 640 " + Num(h) + "\" role=\"img\">";
  if (bars.empty()) {
    s += "<text x=\"8\" y=\"24\" class=\"axis\">Nothing to show.</text>";
  }
  for (size_t i = 0; i < bars.size(); ++i) {
    double y = 4 + row * i;
    const Bar& b = bars[i];
    s += "<g><title>" + Html(b.label + (b.note.empty() ? "" : " (" + b.note + ")") + ": " +
                             Thousands(Total(b))) + "</title>";
    s += "<text x=\"0\" y=\"" + Num(y + 13) + "\" class=\"label\">" + Html(b.label) + "</text>";
    if (!b.note.empty()) {
      s += "<text x=\"0\" y=\"" + Num(y + 27) + "\" class=\"note\">" + Html(b.note) + "</text>";
    }
    double x = label_w;
    double span = w - label_w - 60;
    s += "<rect x=\"" + Num(label_w) + "\" y=\"" + Num(y + 6) + "\" width=\"" + Num(span) +
         "\" height=\"16\" class=\"track\"/>";
    for (size_t p = 0; p < b.parts.size() && p < kParts; ++p) {
      double bw = span * b.parts[p] / static_cast<double>(max);
      if (bw <= 0) continue;
      s += "<rect x=\"" + Num(x) + "\" y=\"" + Num(y + 6) + "\" width=\"" + Num(bw) +
           "\" height=\"16\" fill=\"" + kPartColours[p] + "\"/>";
      x += bw;
    }
    s += "<text x=\"" + Num(x + 6) + "\" y=\"" + Num(y + 19) + "\" class=\"value\">" +
         Thousands(Total(b)) + "</text></g>";
  }
  return s + "</svg>";
}

std::string DonutSvg(const std::vector<std::pair<std::string, int64_t>>& slices) {
  // One colour per slice (sent, bounced, deferred, expired, discarded, and
  // after them those of unknown, rejected, held, other, in Sent folders
  // present): no two slices of the report's donut look alike.
  static constexpr const char* kColours[] = {"#c0392b", "#95a5a6", "#e0a030", "#34495e",
                                             "#8e44ad", "#16a085", "#7f8c8d", "#f1948a",
                                             "#117a65", "#b7950b"};
  constexpr size_t kCount = sizeof(kColours) / sizeof(kColours[0]);
  int64_t total = 0;
  for (const auto& [name, n] : slices) total += n;
  const double r = 70, c = 2 * M_PI * r;
  // The ring alone is drawn in SVG; its key is HTML beside it (below it
  // when the card is narrow), whose text wraps: an SVG <text> never wraps,
  // so a long label or a sixth slice ran past the drawing's box and was
  // cut off, its count with it (issue 16, breaker round 2 §8).
  std::string s =
      "<div class=\"donut-box\"><svg class=\"donut\" viewBox=\"0 0 180 180\" role=\"img\" "
      "aria-label=\"attempts by outcome\">";
  s += "<circle cx=\"90\" cy=\"90\" r=\"70\" fill=\"none\" stroke=\"#ecf0f1\" "
       "stroke-width=\"26\"/>";
  double offset = 0;
  for (size_t i = 0; i < slices.size(); ++i) {
    if (total == 0 || slices[i].second == 0) continue;
    double len = c * slices[i].second / static_cast<double>(total);
    s += "<circle cx=\"90\" cy=\"90\" r=\"70\" fill=\"none\" stroke=\"" +
         std::string(kColours[i % kCount]) + "\" stroke-width=\"26\" stroke-dasharray=\"" +
         Num(len) + " " + Num(c - len) + "\" stroke-dashoffset=\"" + Num(-offset) +
         "\" transform=\"rotate(-90 90 90)\"><title>" + Html(slices[i].first) + ": " +
         Thousands(slices[i].second) + "</title></circle>";
    offset += len;
  }
  s += "<text x=\"90\" y=\"88\" text-anchor=\"middle\" class=\"big\">" + Thousands(total) +
       "</text><text x=\"90\" y=\"108\" text-anchor=\"middle\" class=\"axis\">";
  s += total == 1 ? "attempt" : "attempts";
  s += "</text></svg><ul class=\"donut-legend\">";
  for (size_t i = 0; i < slices.size(); ++i) {
    s += "<li><i style=\"background:";
    s += kColours[i % kCount];
    s += "\"></i><span>" + Html(slices[i].first) + "</span> <b>" + Thousands(slices[i].second) +
         "</b></li>";
  }
  return s + "</ul></div>";
}

}  // namespace nearmiss::investigate
