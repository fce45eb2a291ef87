// iCalendar (RFC 5545) invitations through libical: a meeting request sent
// outside carries its title and agenda in SUMMARY and DESCRIPTION, which a
// raw read of the text would see folded and with "\n" escapes, so that a
// marked first line of the agenda is not a banner line (issue 13, breaker
// round 7 defect 4).
#include <libical/ical.h>

#include <string>

#include "content/extract.h"

namespace nearmiss::content {
namespace {

void AddValue(const char* value, std::string* text) {
  if (value == nullptr || *value == '\0') return;
  if (!text->empty() && text->back() != '\f') text->append("\n\n");
  text->append(value);
}

// Each component's properties, then its children, depth first.
void Collect(icalcomponent* c, Extracted* out) {
  for (icalproperty* p = icalcomponent_get_first_property(c, ICAL_ANY_PROPERTY);
       p != nullptr; p = icalcomponent_get_next_property(c, ICAL_ANY_PROPERTY)) {
    switch (icalproperty_isa(p)) {
      case ICAL_SUMMARY_PROPERTY:
        if (const char* v = icalproperty_get_summary(p); v != nullptr && *v) {
          out->subjects.emplace_back(v);
        }
        break;
      case ICAL_DESCRIPTION_PROPERTY:
        AddValue(icalproperty_get_description(p), &out->text);
        break;
      case ICAL_LOCATION_PROPERTY:
        AddValue(icalproperty_get_location(p), &out->text);
        break;
      case ICAL_COMMENT_PROPERTY:
        AddValue(icalproperty_get_comment(p), &out->text);
        break;
      default:
        break;
    }
  }
  if (!out->text.empty() && out->text.back() != '\f') out->text += '\f';
  for (icalcomponent* k = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT);
       k != nullptr; k = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT)) {
    Collect(k, out);
  }
}

}  // namespace

Extracted ExtractCalendar(std::string_view name, std::string_view bytes) {
  Extracted out;
  // A malformed property must become an X-LIC-ERROR, not an abort().
  icalerror_set_errors_are_fatal(0);
  std::string text = DecodeTextBytes(bytes);
  icalcomponent* root = icalparser_parse_string(text.c_str());
  if (root == nullptr) {
    out.errors.push_back(std::string(name) +
                         ": not an iCalendar object libical can parse");
    return out;
  }
  Collect(root, &out);
  icalcomponent_free(root);
  out.has_text = !out.text.empty();
  return out;
}

}  // namespace nearmiss::content
