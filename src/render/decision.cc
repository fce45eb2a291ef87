#include "render/decision.h"

#include <cstdint>
#include <string>

#include "nearmiss/verdict.h"

namespace nearmiss::render {

void WriteDecisionJson(const Decision& d, JsonWriter& w) {
  w.BeginObject();
  w.Key("action").String(ActionName(d.action));
  w.Key("message_action").String(ActionName(d.message_action));
  w.Key("rule").BeginObject();
  w.Key("index").Uint(static_cast<std::uint64_t>(d.rule.index < 0 ? 0 : d.rule.index));
  w.Key("name").String(d.rule.name);
  w.Key("id").String(d.rule.id);
  w.EndObject();
  w.Key("level").String(content::LevelName(d.level));
  w.Key("message").String(d.message);
  w.Key("smtp_code").String(d.smtp_code);
  w.Key("reasons").BeginArray();
  for (const Reason& r : d.reasons) {
    w.BeginObject().Key("code").String(ReasonCodeName(r.code));
    w.Key("message").String(ReasonMessage(r)).EndObject();
  }
  w.EndArray();
  w.EndObject();
}

nlohmann::ordered_json DecisionToJson(const Decision& d) {
  std::string text;
  JsonWriter w(&text);
  WriteDecisionJson(d, w);
  return ParseWritten(text);
}

}  // namespace nearmiss::render
