// The policy's action for permute's look-alikes and the zones it accepts
// under a namespace look-alike (permute_policy.h).
#include "cli/permute_policy.h"

namespace nearmiss::cli {
namespace {

// The map line an action makes (permute_output.cc's MapVerb): none (accept,
// tag), WARN, HOLD (confirm, hold), REJECT (remove-recipient, reject).
int MapStrength(Action action) {
  switch (action) {
    case Action::kAccept:
    case Action::kTag:
      return 0;
    case Action::kWarn:
      return 1;
    case Action::kConfirm:
    case Action::kHold:
      return 2;
    default:
      return 3;
  }
}

}  // namespace

PermuteAction MapPolicyAction(const Engine& engine, const RecipientCheck& check) {
  // (sender, who they are) for the sender in no group and one of each group.
  std::vector<std::pair<std::string, std::string>> senders = {
      {"", "senders in no [senders] group"}};
  for (const SenderGroup& g : engine.policy().sender_groups) {
    std::string who = "[senders.";
    who += g.name;
    who += "]";
    if (!g.addresses.empty()) {
      senders.emplace_back(g.addresses.front(), std::move(who));
    } else if (!g.domains.empty()) {
      const std::string& d = g.domains.front().domain;
      std::string sender = "x@";
      sender += d.starts_with('.') ? d.substr(1) : d;
      senders.emplace_back(std::move(sender), std::move(who));
    }
  }
  struct Judged {
    Action action;
    std::string rule;
    const std::string* who;
  };
  std::vector<Judged> judged;
  for (const auto& [sender, who] : senders) {
    MessageFacts facts;
    facts.sender = sender;
    facts.path = MailPath::kSmtp;
    facts.recipients.push_back({check, RecipientField::kEnvelope});
    const Decision d = engine.Decide(facts);
    if (d.recipients.empty()) continue;
    judged.push_back({d.recipients.front().action, d.recipients.front().rule.name, &who});
  }
  PermuteAction out;
  if (judged.empty()) return out;
  const Judged* strictest = &judged.front();
  for (const Judged& j : judged) {
    if (j.action > strictest->action) strictest = &j;
  }
  out.action = strictest->action;
  out.rule = strictest->rule;
  for (const Judged& j : judged) {
    if (MapStrength(j.action) >= MapStrength(out.action)) continue;
    std::string milder = *j.who;
    milder += ": ";
    milder += ActionName(j.action);
    milder += " (rule '";
    milder += j.rule;
    milder += "')";
    out.milder.push_back(std::move(milder));
  }
  return out;
}

std::string MilderSendersNote(const std::map<std::string, size_t>& milder) {
  if (milder.empty()) return {};
  std::string text =
      "A map cannot know the sender (Postfix looks up the recipient's domain), so each line "
      "carries the strictest action the policy takes for any sender: a guard fails closed. "
      "Stricter here than the policy is for";
  const char* sep = " ";
  for (const auto& [who, lines] : milder) {
    text += sep;
    text += who;
    text += " on ";
    text += std::to_string(lines);
    text += lines == 1 ? " look-alike" : " look-alikes";
    sep = "; ";
  }
  text += ". The milter judges each sender by its own rule.";
  // Wrapped at word boundaries to 76 columns.
  std::string out;
  size_t column = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const size_t word = end - start;
    if (column > 0 && column + 1 + word > 76) {
      out += '\n';
      column = 0;
    } else if (column > 0) {
      out += ' ';
      ++column;
    }
    out.append(text, start, word);
    column += word;
    start = end + 1;
  }
  out += '\n';
  return out;
}

std::vector<std::string> AcceptedZonesUnder(const Engine& engine, const std::string& cand,
                                            const std::vector<std::string>& zones) {
  std::vector<std::string> out;
  for (const std::string& zone : zones) {
    if (zone.size() <= cand.size() + 1 || !zone.ends_with(cand) ||
        zone[zone.size() - cand.size() - 1] != '.') {
      continue;
    }
    std::string probe = "x@example.";
    probe += zone;
    const Verdict v = engine.CheckRecipient(probe).verdict;
    if (v == Verdict::kTrusted || v == Verdict::kExternal) out.push_back(zone);
  }
  return out;
}

}  // namespace nearmiss::cli
