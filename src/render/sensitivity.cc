#include "render/sensitivity.h"

#include <string>

namespace nearmiss::render {

void WriteSensitivityJson(const content::Sensitivity& s, JsonWriter& w, size_t max_findings,
                          bool with_why) {
  w.BeginObject();
  w.PlainKey("level").String(content::LevelName(s.level));
  // False when the message was not read to the end: the level is a lower
  // bound, and the decision used [limits] incomplete_level.
  w.PlainKey("complete").Bool(s.complete);
  w.PlainKey("findings").BeginArray();
  size_t n = 0;
  for (const content::Finding& f : s.findings) {
    if (n++ == max_findings) break;
    w.BeginObject();
    w.PlainKey("marking").String(f.marking);
    w.PlainKey("pack").String(f.pack);
    w.PlainKey("level").String(content::LevelName(f.level));
    w.PlainKey("where").String(f.where);
    // The part of a document the reader names (a sheet, a slide, a page),
    // only where it knows one.
    if (!f.place.empty()) w.PlainKey("place").String(f.place);
    w.PlainKey("offset").Uint(f.offset);
    w.PlainKey("text").String(f.text);
    w.PlainKey("strength").String(content::StrengthName(f.strength));
    if (with_why && !f.why.empty()) w.PlainKey("why").String(f.why);
    w.EndObject();
  }
  w.EndArray().EndObject();
}

nlohmann::ordered_json SensitivityToJson(const content::Sensitivity& s, size_t max_findings) {
  std::string text;
  JsonWriter w(&text);
  WriteSensitivityJson(s, w, max_findings);
  return ParseWritten(text);
}

}  // namespace nearmiss::render
