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

bool MilderOnMap(Action a, Action b) { return MapStrength(a) < MapStrength(b); }

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
    std::string smtp_code;
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
    judged.push_back({d.recipients.front().action, d.recipients.front().rule.name,
                      d.recipients.front().smtp_code, &who});
  }
  PermuteAction out;
  if (judged.empty()) return out;
  const Judged* strictest = &judged.front();
  for (const Judged& j : judged) {
    if (j.action > strictest->action) strictest = &j;
  }
  out.action = strictest->action;
  out.rule = strictest->rule;
  out.smtp_code = strictest->smtp_code;
  for (const Judged& j : judged) {
    if (!MilderOnMap(j.action, out.action)) continue;
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

std::vector<PermuteFound> MilderUnder(const Engine& engine, const PermuteFound& under,
                                      const std::vector<std::string>& known,
                                      std::set<std::string>& written,
                                      std::map<std::string, size_t>& milder) {
  std::vector<PermuteFound> out;
  for (const std::string& k : known) {
    if (k.starts_with('.')) continue;
    std::string joined;
    for (char ch : k) {
      if (ch != '.') joined += ch;
    }
    for (const std::string& stem : {joined, joined.substr(0, joined.size() - 1)}) {
      std::string name = stem;
      name += '.';
      name += under.domain;
      if (written.count(name) != 0) continue;
      const RecipientCheck c = engine.CheckRecipient("x@" + name);
      if (c.verdict != Verdict::kLookalike || c.reasons.empty()) continue;
      // The namespace's own look-alike (target ".mil" or a name under it)
      // takes the namespace's action.
      const std::string& ns = under.target;
      if (c.target == ns || (ns.starts_with('.') && (c.target.ends_with(ns) ||
                                                     c.target == ns.substr(1)))) {
        continue;
      }
      PermuteAction act = MapPolicyAction(engine, c);
      if (!MilderOnMap(act.action, under.action)) continue;
      written.insert(name);
      for (const std::string& m : act.milder) ++milder[m];
      PermuteFound f;
      f.domain = name;
      f.source = c.target;  // the name check reads it as a slip of
      f.target = c.target;
      f.code = ReasonCodeName(c.reasons[0].code);
      f.suggestion = c.suggestion.substr(c.suggestion.find('@') + 1);
      f.action = act.action;
      f.rule = std::move(act.rule);
      f.smtp_code = std::move(act.smtp_code);
      out.push_back(std::move(f));
    }
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
