#include "cli/scan_render.h"

#include "cli/render.h"

namespace nearmiss::cli {

nlohmann::ordered_json ScanToJson(const ScanResult& r) {
  const content::ScannedMessage& m = *r.message;
  nlohmann::ordered_json j;
  j["source"] = m.source;
  j["message_id"] = m.message_id;
  j["from"] = m.from;
  j["subject"] = m.subject;
  nlohmann::ordered_json recipients = nlohmann::ordered_json::array();
  for (const MessageRecipient& rcpt : r.facts->recipients) {
    nlohmann::ordered_json c = CheckToJson(rcpt.check);
    c["field"] = RecipientFieldName(rcpt.field);
    recipients.push_back(std::move(c));
  }
  j["recipients"] = std::move(recipients);
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  for (const content::Finding& f : m.sensitivity.findings) {
    findings.push_back({{"marking", f.marking},
                        {"level", content::LevelName(f.level)},
                        {"where", f.where},
                        {"offset", f.offset},
                        {"text", f.text},
                        {"strength", content::StrengthName(f.strength)}});
  }
  j["sensitivity"] = {{"level", content::LevelName(m.sensitivity.level)},
                      {"findings", std::move(findings)}};
  j["action"] = ActionName(r.decision->action);
  j["rule"] = r.decision->rule.id;
  j["errors"] = m.errors;
  return j;
}

std::string ScanToText(const ScanResult& r, const Terminal& term) {
  const content::ScannedMessage& m = *r.message;
  const Decision& d = *r.decision;
  std::string out = term.Paint(Colour::kBold, m.source);
  if (!m.subject.empty()) out += "  \"" + m.subject + "\"";
  out += "\n  from  " + (m.from.empty() ? std::string("(no From)") : m.from) + "\n";
  for (const MessageRecipient& rcpt : r.facts->recipients) {
    std::string field(RecipientFieldName(rcpt.field));
    field.resize(6, ' ');
    out += "  " + field + CheckToLine(rcpt.check, term) + "\n";
  }
  out += "  level " + std::string(content::LevelName(m.sensitivity.level));
  size_t strong = 0, weak = 0;
  for (const content::Finding& f : m.sensitivity.findings) {
    if (f.strength != content::Strength::kStrong) {
      ++weak;
    } else if (++strong <= 3) {
      out += strong == 1 ? ": " : "; ";
      out += f.marking + " in " + f.where + " at " + std::to_string(f.offset);
    }
  }
  if (strong > 3) out += " and " + std::to_string(strong - 3) + " more";
  if (weak > 0) {
    out += term.Paint(Colour::kDim, " (" + std::to_string(weak) + " loose mention" +
                                        (weak == 1 ? "" : "s") + " in running text, not counted)");
  }
  Colour colour = d.action == Action::kAccept ? Colour::kGreen
                  : d.action == Action::kTag  ? Colour::kYellow
                                              : Colour::kRed;
  out += "\n  action " + term.Paint(colour, std::string(ActionName(d.action))) + " by " +
         d.rule.id;
  if (d.action != Action::kAccept && !d.message.empty()) out += ": " + d.message;
  out += "\n";
  for (const std::string& e : m.errors) out += "  " + term.Paint(Colour::kRed, "error") + " " + e + "\n";
  return out;
}

}  // namespace nearmiss::cli
