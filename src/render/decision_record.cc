#include "render/decision_record.h"

namespace nearmiss::render {
namespace {

using Json = nlohmann::json;

std::string Str(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// `key`, or `old`, its name before 2026-11-30.
std::string StrOr(const Json& j, const char* key, const char* old) {
  return j.contains(key) ? Str(j, key) : Str(j, old);
}

}  // namespace

void WriteDecisionRecordJson(const DecisionRecord& r, JsonWriter& w) {
  w.BeginObject();
  w.Key("id").Uint(static_cast<uint64_t>(r.id));
  w.Key("key").String(r.key);
  w.Key("time_ms").Uint(static_cast<uint64_t>(r.time_ms));
  w.Key("source").String(r.source);
  w.Key("queue_id").String(r.queue_id);
  w.Key("sender").String(r.sender);
  w.Key("recipients").BeginArray();
  for (const DecisionRecipient& p : r.recipients) {
    w.BeginObject();
    w.Key("address").String(p.address);
    w.Key("verdict").String(p.verdict);
    w.Key("action").String(p.action);
    w.Key("reasons").StringArray(p.reasons);
    if (!p.target.empty()) w.Key("target").String(p.target);
    if (!p.suggestion.empty()) w.Key("suggestion").String(p.suggestion);
    w.EndObject();
  }
  w.EndArray();
  w.Key("level").String(r.level);
  w.Key("action").String(r.action);
  w.Key("rule").String(r.rule);
  w.Key("message_id").String(r.message_id);
  w.Key("digest").String(r.digest);
  w.EndObject();
}

nlohmann::ordered_json DecisionRecordToJson(const DecisionRecord& record) {
  std::string text;
  JsonWriter w(&text);
  WriteDecisionRecordJson(record, w);
  return ParseWritten(text);
}

bool DecisionRecordFromJson(std::string_view line, DecisionRecord* out) {
  Json j = Json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return false;
  DecisionRecord r;
  r.key = Str(j, "key");
  if (r.key.empty()) return false;
  auto time = j.contains("time_ms") ? j.find("time_ms") : j.find("time");
  if (time == j.end() || !time->is_number_integer()) return false;
  r.time_ms = time->get<int64_t>();
  if (auto id = j.find("id"); id != j.end() && id->is_number_integer()) r.id = id->get<int64_t>();
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
      p.verdict = StrOr(x, "verdict", "class");
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

}  // namespace nearmiss::render
