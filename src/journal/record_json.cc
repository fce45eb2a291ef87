#include "journal/record_json.h"

#include <nlohmann/json.hpp>

namespace nearmiss::journal {
namespace {

using Json = nlohmann::json;

std::string Str(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

std::string RecordToJson(const DecisionRecord& r) {
  Json rcpts = Json::array();
  for (const DecisionRecipient& p : r.recipients) {
    rcpts.push_back({{"address", p.address},
                     {"verdict", p.verdict},
                     {"action", p.action},
                     {"reasons", p.reasons},
                     {"target", p.target},
                     {"suggestion", p.suggestion}});
  }
  Json j = {{"key", r.key},         {"time", r.time_ms},   {"source", r.source},
            {"queue_id", r.queue_id}, {"sender", r.sender}, {"recipients", std::move(rcpts)},
            {"level", r.level},     {"action", r.action},  {"rule", r.rule},
            {"message_id", r.message_id}, {"digest", r.digest}};
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

bool RecordFromJson(std::string_view line, DecisionRecord* out) {
  Json j = Json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return false;
  DecisionRecord r;
  r.key = Str(j, "key");
  if (r.key.empty()) return false;
  auto time = j.find("time");
  if (time == j.end() || !time->is_number_integer()) return false;
  r.time_ms = time->get<int64_t>();
  r.source = Str(j, "source");
  r.queue_id = Str(j, "queue_id");
  r.sender = Str(j, "sender");
  r.level = Str(j, "level");
  r.action = Str(j, "action");
  r.rule = Str(j, "rule");
  r.message_id = Str(j, "message_id");
  r.digest = Str(j, "digest");
  if (auto rc = j.find("recipients"); rc != j.end() && rc->is_array()) {
    for (const Json& x : *rc) {
      if (!x.is_object()) return false;
      DecisionRecipient p;
      p.address = Str(x, "address");
      // "class" in spools written before 2026-11-30.
      p.verdict = x.contains("verdict") ? Str(x, "verdict") : Str(x, "class");
      p.action = Str(x, "action");
      if (auto rs = x.find("reasons"); rs != x.end() && rs->is_array()) {
        for (const Json& code : *rs) {
          if (code.is_string()) p.reasons.push_back(code.get<std::string>());
        }
      }
      p.target = Str(x, "target");
      p.suggestion = Str(x, "suggestion");
      r.recipients.push_back(std::move(p));
    }
  }
  *out = std::move(r);
  return true;
}

}  // namespace nearmiss::journal
