// The policy's block list as permute's lines (permute_block.h).
#include "cli/permute_block.h"

#include <cctype>

#include "cli/permute_policy.h"
#include "nearmiss/policy.h"

namespace nearmiss::cli {
namespace {

// "x" or "x" under "parent" (a name ending in ".parent").
bool AtOrUnder(std::string_view name, std::string_view parent) {
  return name == parent || (name.size() > parent.size() && name.ends_with(parent) &&
                            name[name.size() - parent.size() - 1] == '.');
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::vector<PermuteFound> PermuteBlockEntries(const Engine& engine, std::set<std::string>& written,
                                              std::map<std::string, size_t>& milder,
                                              std::vector<std::string>& left_out) {
  std::vector<PermuteFound> out;
  const Policy& policy = engine.policy();
  for (const DomainItem& item : policy.block) {
    const bool ns = item.domain.starts_with('.');
    std::string name = Lower(ns ? item.domain.substr(1) : item.domain);
    if (name.empty()) continue;
    std::string probe = "x@";
    if (ns) probe += "example.";
    probe += name;
    const RecipientCheck c = engine.CheckRecipient(probe);
    std::string shown = ns ? item.domain : name;
    if (c.verdict != Verdict::kBlocked) {
      // An allow entry covering the whole entry (allow "evil.com", block
      // "evil.com"): check accepts it, so no key may refuse it.
      shown += ": check does not block ";
      shown += probe.substr(2);
      shown += " (an allow entry covers it)";
      left_out.push_back(std::move(shown));
      continue;
    }
    if (!written.insert(name).second) continue;  // two entries, one key
    PermuteFound f;
    f.domain = name;
    f.source = std::string(kBlockSource);
    f.target = ns ? item.domain : name;
    f.code = "blocked";
    f.ns = ns;
    // The allow-listed names under it (sante.gov.ml under .ml): trusted
    // even when blocked, so each is written as an exception, the names
    // under it included (an allow entry covers its subdomains).
    for (const DomainItem& a : policy.allow) {
      std::string allowed = Lower(a.domain.starts_with('.') ? a.domain.substr(1) : a.domain);
      if (allowed == name || !AtOrUnder(allowed, name)) continue;
      const Verdict v = engine.CheckRecipient("x@" + allowed).verdict;
      if (v == Verdict::kTrusted || v == Verdict::kExternal) f.except.push_back(std::move(allowed));
    }
    PermuteAction act = MapPolicyAction(engine, c);
    for (const std::string& m : act.milder) ++milder[m];
    f.action = act.action;
    f.rule = std::move(act.rule);
    f.smtp_code = std::move(act.smtp_code);
    out.push_back(std::move(f));
  }
  return out;
}

std::string BlockWrittenNote(const std::vector<PermuteFound>& block) {
  if (block.empty()) return {};
  std::string note = "the block list is written (";
  note += std::to_string(block.size());
  note += block.size() == 1 ? " entry: " : " entries: ";
  const char* sep = "";
  for (const PermuteFound& f : block) {
    note += sep;
    note += f.target;
    sep = ", ";
    for (size_t i = 0; i < f.except.size(); ++i) {
      note += i == 0 ? " except " : " and ";
      note += f.except[i];
    }
  }
  note += ") with the policy's action for a blocked recipient: ";
  note += ActionName(block.front().action);
  note += " (rule '";
  note += block.front().rule;
  note += "')";
  return note;
}

}  // namespace nearmiss::cli
