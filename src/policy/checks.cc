// Checks that need the whole policy: conflicting domain entries and rules
// that can never match. Each names the entry or rule at fault.
#include <algorithm>
#include <map>

#include "policy/sections.h"

namespace nearmiss::policy {
namespace {

// Does block entry `b` (".ml", "evil.com") cover domain entry `d`?
bool Covers(std::string_view b, std::string_view d) {
  bool ns = b.starts_with('.');
  if (ns) b.remove_prefix(1);
  if (d.starts_with('.')) {
    d.remove_prefix(1);
    if (!ns) return false;  // a domain block cannot cover a namespace
  }
  if (d == b) return true;
  return d.size() > b.size() && d.ends_with(b) && d[d.size() - b.size() - 1] == '.';
}

void CheckDomains(Context& ctx, const Policy& p) {
  for (const DomainItem& b : p.block) {
    for (const DomainItem& a : p.allow) {
      if (a.domain == b.domain) {
        ctx.ErrorAt(b.where, "'" + b.domain + "' is both allowed (" + a.where + ") and blocked",
                    "remove one of them; an allow entry wins over a block");
      }
    }
    for (const DomainItem& o : p.organisation) {
      bool allowed = std::any_of(p.allow.begin(), p.allow.end(),
                                 [&](const DomainItem& a) { return Covers(a.domain, o.domain); });
      if (!allowed && Covers(b.domain, o.domain)) {
        ctx.ErrorAt(b.where, "block entry '" + b.domain + "' blocks the organisation domain '" +
                                 o.domain + "' (" + o.where + ")",
                    "narrow the block, or allow '" + o.domain + "'");
      }
    }
    for (const DomainItem& d : p.protected_domains) {
      if (Covers(b.domain, d.domain)) {
        ctx.ErrorAt(b.where, "block entry '" + b.domain + "' blocks the protected domain '" +
                                 d.domain + "' (" + d.where + ")",
                    "a domain cannot be both protected and blocked; remove one");
      }
    }
  }
}

template <typename T>
bool Subset(const std::vector<T>& inner, const std::vector<T>& outer) {
  return std::all_of(inner.begin(), inner.end(), [&](const T& x) {
    return std::find(outer.begin(), outer.end(), x) != outer.end();
  });
}

// An empty list means "any": does `outer` allow everything `inner` does?
template <typename T>
bool Wider(const std::vector<T>& outer, const std::vector<T>& inner) {
  return outer.empty() || (!inner.empty() && Subset(inner, outer));
}

template <typename T>
bool WiderRange(std::optional<T> outer_lo, std::optional<T> outer_hi, std::optional<T> inner_lo,
                std::optional<T> inner_hi) {
  bool lo = !outer_lo || (inner_lo && *inner_lo >= *outer_lo);
  bool hi = !outer_hi || (inner_hi && *inner_hi <= *outer_hi);
  return lo && hi;
}

bool HasTypoCondition(const Rule& r) {
  return !r.address_typo_kinds.empty() || r.address_typo_score_at_least.has_value();
}

// `outer`'s reason condition holds for every recipient `inner` matches. A
// rule with an address-typo condition matches only recipients with the
// `address-typo` code, so `reason = ["address-typo"]` covers it whatever
// its own reason condition (issue 14: `address_typo_kind` under an earlier
// `reason = ["address-typo"]` rule can never match).
bool WiderReasons(const Rule& outer, const Rule& inner) {
  if (Wider(outer.reasons, inner.reasons)) return true;
  return HasTypoCondition(inner) && std::find(outer.reasons.begin(), outer.reasons.end(),
                                              "address-typo") != outer.reasons.end();
}

// The address-typo conditions: unset covers any recipient; set, only an
// `inner` that asks for the finding with kinds and a score inside them.
bool WiderTypo(const Rule& outer, const Rule& inner) {
  if (!HasTypoCondition(outer)) return true;
  if (!HasTypoCondition(inner)) return false;  // inner matches recipients without one
  return Wider(outer.address_typo_kinds, inner.address_typo_kinds) &&
         (!outer.address_typo_score_at_least ||
          (inner.address_typo_score_at_least &&
           *inner.address_typo_score_at_least >= *outer.address_typo_score_at_least));
}

// True when every message and recipient `inner` matches, `outer` matches.
bool Shadows(const Rule& outer, const Rule& inner) {
  return Wider(outer.recipient, inner.recipient) && WiderReasons(outer, inner) &&
         WiderTypo(outer, inner) &&
         Wider(outer.targets, inner.targets) &&
         // can_receive: unset covers both answers; set covers only the same.
         (!outer.can_receive || outer.can_receive == inner.can_receive) &&
         (!outer.catch_all || outer.catch_all == inner.catch_all) &&
         Wider(outer.sender_groups, inner.sender_groups) &&
         Wider(outer.findings, inner.findings) &&
         WiderRange(outer.sensitivity_at_least, outer.sensitivity_at_most,
                    inner.sensitivity_at_least, inner.sensitivity_at_most) &&
         WiderRange(outer.recipients_at_least, outer.recipients_at_most,
                    inner.recipients_at_least, inner.recipients_at_most) &&
         WiderRange(outer.external_domains_at_least, outer.external_domains_at_most,
                    inner.external_domains_at_least, inner.external_domains_at_most);
}

// The recipient classes whose checks can carry reason `code` (where the
// engine adds it: engine.cc, engine_history.cc). A code not placed here
// may come with any class: the lint must never call a rule that can match
// impossible, so only what is known narrows.
std::vector<Verdict> ClassesFor(std::string_view code) {
  if (code == "trusted") return {Verdict::kTrusted, Verdict::kBlocked};
  if (code == "blocked") return {Verdict::kBlocked};
  if (code == "invalid-address") return {Verdict::kInvalid};
  if (code == "new-domain") return {Verdict::kExternal, Verdict::kLookalike, Verdict::kBlocked};
  // Not a look-alike: external, or blocked when a block entry covers it.
  if (code == "real-neighbour" || code == "short-name-slip" || code == "sister-zone") {
    return {Verdict::kExternal, Verdict::kBlocked};
  }
  std::optional<ReasonCode> parsed = ParseReasonCode(code);
  if (parsed && *parsed <= ReasonCode::kSpecialUseName) {
    return {Verdict::kLookalike, Verdict::kBlocked};  // the look-alike classes
  }
  // Judged only for a trusted or external recipient (engine_history.cc:
  // AddAddressTypo, AddHistoryReasons).
  if (code == "address-typo" || code == "new-address") {
    return {Verdict::kTrusted, Verdict::kExternal};
  }
  // routed-address, irregular-address, sensitivity.
  return {Verdict::kTrusted, Verdict::kExternal, Verdict::kLookalike, Verdict::kBlocked,
          Verdict::kInvalid};
}

// Why `code` is never given under `p`: its [history] switch is off; "".
std::string Disabled(std::string_view code, const Policy& p) {
  if (code == "address-typo" && !p.history.address_typo) {
    return "history.address_typo = false: the engine gives no address-typo finding";
  }
  if (code == "new-address" && !p.history.flag_new_addresses) {
    return "history.flag_new_addresses is off (the default): the engine gives no new-address "
           "reason";
  }
  return "";
}

// Why `rule` can match nothing on its own under `p`, or "". `written`: the
// rule is the file's own; the embedded default rules a file without rules
// keeps are not judged by the file's [history] switches (a policy that
// turns address_typo off keeps them, and their address-typo rule waits).
std::string Impossible(const Rule& r, const Policy& p, bool written) {
  if (!r.targets.empty() && !r.recipient.empty() &&
      std::find(r.recipient.begin(), r.recipient.end(), Verdict::kLookalike) ==
          r.recipient.end() &&
      std::find(r.recipient.begin(), r.recipient.end(), Verdict::kTrusted) == r.recipient.end()) {
    return "'target' matches look-alikes and trusted recipients only, and 'recipient' has "
           "neither \"lookalike\" nor \"trusted\"";
  }
  if (r.sensitivity_at_least && r.sensitivity_at_most &&
      *r.sensitivity_at_least > *r.sensitivity_at_most) {
    return "'sensitivity_at_least' is above 'sensitivity_at_most'";
  }
  if (r.recipients_at_least && r.recipients_at_most &&
      *r.recipients_at_least > *r.recipients_at_most) {
    return "'recipients_at_least' is above 'recipients_at_most'";
  }
  if (r.external_domains_at_least && r.external_domains_at_most &&
      *r.external_domains_at_least > *r.external_domains_at_most) {
    return "'external_domains_at_least' is above 'external_domains_at_most'";
  }
  if (r.external_domains_at_least && r.recipients_at_most &&
      *r.external_domains_at_least > *r.recipients_at_most) {
    return "it needs more external domains than it allows recipients";
  }
  if (!r.reasons.empty() && !r.recipient.empty()) {
    bool possible = false;
    for (const std::string& code : r.reasons) {
      for (Verdict v : ClassesFor(code)) {
        possible = possible || std::find(r.recipient.begin(), r.recipient.end(), v) !=
                                   r.recipient.end();
      }
    }
    if (!possible) return "no recipient of the classes in 'recipient' has the codes in 'reason'";
  }
  // A condition on a finding the policy never produces (issue 14, round
  // 33, item 6): every code in 'reason' switched off, or an address-typo
  // condition with address_typo off.
  if (written && !r.reasons.empty()) {
    std::string why;
    bool all_off = true;
    for (const std::string& code : r.reasons) {
      std::string off = Disabled(code, p);
      all_off = all_off && !off.empty();
      if (why.empty()) why = std::move(off);
    }
    if (all_off) return "every code in 'reason' is off: " + why;
  }
  if (HasTypoCondition(r)) {
    if (std::string off = Disabled("address-typo", p); written && !off.empty()) {
      return "it has an address-typo condition, and " + off;
    }
    // The finding comes with a trusted or external recipient only.
    const std::vector<Verdict> typo = ClassesFor("address-typo");
    if (!r.recipient.empty() &&
        std::none_of(r.recipient.begin(), r.recipient.end(), [&](Verdict v) {
          return std::find(typo.begin(), typo.end(), v) != typo.end();
        })) {
      return "an address-typo condition matches trusted and external recipients only, and "
             "'recipient' has neither";
    }
    // Its reasons are any-of; the finding must come with one of them.
    if (!r.reasons.empty() &&
        std::none_of(r.reasons.begin(), r.reasons.end(), [&](const std::string& code) {
          for (Verdict v : ClassesFor(code)) {
            if (std::find(typo.begin(), typo.end(), v) != typo.end()) return true;
          }
          return false;
        })) {
      return "an address-typo condition matches trusted and external recipients only, and no "
             "code in 'reason' comes with those";
    }
  }
  return "";
}

}  // namespace

std::vector<Verdict> ReasonClasses(std::string_view code) { return ClassesFor(code); }

void CheckPolicy(Context& ctx, const Policy& policy, const std::vector<bool>& broken) {
  CheckDomains(ctx, policy);
  auto written = [&ctx](const Rule& r) {
    return r.where.size() > ctx.file().size() && r.where.starts_with(ctx.file()) &&
           r.where[ctx.file().size()] == ':';
  };
  std::map<std::string, const Rule*> names;
  for (size_t j = 0; j < policy.rules.size(); ++j) {
    const Rule& rule = policy.rules[j];
    auto [it, fresh] = names.emplace(rule.name, &rule);
    if (!fresh) {
      ctx.ErrorAt(rule.where, "rule name '" + rule.name + "' is used twice (first at " +
                                  it->second->where + ")",
                  "give every rule its own name: explanations and logs cite it");
    }
    if (j < broken.size() && broken[j]) continue;
    if (std::string why = Impossible(rule, policy, written(rule)); !why.empty()) {
      ctx.ErrorAt(rule.where, "rule '" + rule.name + "' can never match: " + why,
                  "fix the conditions or remove the rule");
      continue;
    }
    for (size_t i = 0; i < j; ++i) {
      const Rule& earlier = policy.rules[i];
      bool usable = !(i < broken.size() && broken[i]) && Impossible(earlier, policy, written(earlier)).empty();
      if (usable && Shadows(earlier, rule)) {
        ctx.ErrorAt(rule.where,
                    "rule '" + rule.name + "' can never match: rule '" + earlier.name + "' (" +
                        earlier.where + ") comes first and matches everything it does",
                    "the first matching rule wins: move '" + rule.name + "' above '" +
                        earlier.name + "', or narrow '" + earlier.name + "'");
        break;
      }
    }
  }
}

}  // namespace nearmiss::policy
