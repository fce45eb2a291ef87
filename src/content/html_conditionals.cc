// Conditional comments in HTML mail (html_conditionals.h).
#include "content/html_conditionals.h"

#include "content/line_text.h"

namespace nearmiss::content {
namespace {

// The first "<body" at or after `from`, any case, or npos.
std::size_t FindBody(std::string_view html) {
  for (std::size_t at = html.find('<'); at != std::string_view::npos;
       at = html.find('<', at + 1)) {
    if (StartsWithNoCaseAt(html, at + 1, "body")) return at;
  }
  return std::string_view::npos;
}

// Whether Outlook's Word engine shows a block of condition `cond` ("if gte
// mso 9"): it names mso and does not negate it.
bool ShownByOutlook(std::string_view cond) {
  bool mso = false;
  for (std::size_t at = 0; at + 3 <= cond.size(); ++at) {
    if (!StartsWithNoCaseAt(cond, at, "mso")) continue;
    std::size_t before = at;
    while (before > 0 && (cond[before - 1] == ' ' || cond[before - 1] == '(')) --before;
    if (before > 0 && cond[before - 1] == '!') return false;
    mso = true;
  }
  return mso;
}

}  // namespace

bool DropRevealedConditionals(std::string_view html, std::string* out) {
  if (html.find("<![") == std::string_view::npos) return false;
  std::string result;
  result.reserve(html.size());
  bool dropped = false;
  std::size_t at = 0;
  while (at < html.size()) {
    std::size_t open = html.find("<![", at);
    if (open == std::string_view::npos) break;
    std::string_view rest = html.substr(open + 3);
    std::size_t close = rest.find("]>");
    // The tag's own "]>": the first ']' after "<![". The "<![endif]-->"
    // closing a downlevel-hidden block is not one (RevealMsoConditionals),
    // and the "]>" of a later tag must not swallow the text between.
    bool conditional = (rest.starts_with("if") || rest.starts_with("endif")) &&
                       close != std::string_view::npos && close < 200 &&
                       rest.find(']') == close;
    std::size_t next = conditional ? open + 3 + close + 2 : open + 3;
    result.append(html.substr(at, conditional ? open - at : next - at));
    dropped = dropped || conditional;
    at = next;
  }
  if (!dropped) return false;
  result.append(html.substr(at));
  *out = std::move(result);
  return true;
}

bool RevealMsoConditionals(std::string_view html, std::string* out) {
  constexpr std::string_view kOpen = "<!--[if", kEnd = "<![endif]-->";
  std::size_t body = html.find(kOpen) == std::string_view::npos ? std::string_view::npos
                                                                : FindBody(html);
  if (body == std::string_view::npos) return false;
  std::string result;
  bool opened = false;
  std::size_t at = 0;
  for (std::size_t open = html.find(kOpen, body); open != std::string_view::npos;
       open = html.find(kOpen, at)) {
    std::size_t close = html.find("]>", open + kOpen.size());
    if (close == std::string_view::npos || close - open > 200) break;
    std::size_t content = close + 2;
    std::size_t end = html.find(kEnd, content);
    if (end == std::string_view::npos) break;
    std::string_view inner = html.substr(content, end - content);
    std::size_t first = inner.find_first_not_of(" \t\r\n");
    const bool island = first != std::string_view::npos && StartsWithNoCaseAt(inner, first, "<xml");
    // "<!--[if mso]><!-->": the comment ends at once, its content is shown
    // to every parser already.
    if (!inner.starts_with("<!-->") && !island &&
        ShownByOutlook(html.substr(open + 4, close - open - 4))) {
      result.append(html.substr(at, open - at));
      result.append(inner);
      opened = true;
      at = end + kEnd.size();
    } else {
      result.append(html.substr(at, end + kEnd.size() - at));
      at = end + kEnd.size();
    }
  }
  if (!opened) return false;
  result.append(html.substr(at));
  *out = std::move(result);
  return true;
}

}  // namespace nearmiss::content
