#include "address/root_zone.h"
#include "render/render.h"

#include <algorithm>
#include <cmath>

#include "address/idna.h"
#include "address/special_use_names.h"
#include "base/log.h"

namespace nearmiss::render {

namespace {

void TriState(const std::optional<bool>& v, JsonWriter& w) {
  if (v) {
    w.Bool(*v);
  } else {
    w.Null();
  }
}

// What the DNS said, for a person: "DNS: army.test does not exist".
std::string DnsSentence(const std::string& domain, const DnsFacts& d) {
  // Facts with no time are inferred, no query sent (dns::FactsWithoutLookup).
  if (d.checked_at.empty() && d.exists && !*d.exists) {
    const std::string tld = domain.substr(domain.rfind('.') + 1);
    if (!address::SpecialUseTldRfc(tld).empty()) {
      return "DNS: not asked: " + domain + ": " + address::NoSuchTldPhrase(tld);
    }
    return "DNS: not asked: " + domain + " is under no TLD of the root zone, so it does not exist";
  }
  if (!d.exists) return "DNS: no answer about " + domain + " (" + d.unknown + "), so it counts as able to receive mail";
  if (!*d.exists) return "DNS: " + domain + " does not exist";
  switch (d.exchanger) {
    case MailExchanger::kMx: return "DNS: " + domain + " exists and receives mail (MX)";
    case MailExchanger::kImplicit:
      return "DNS: " + domain + " exists and can receive mail (no MX, an address record)";
    case MailExchanger::kNullMx: return "DNS: " + domain + " exists but refuses all mail (null MX)";
    case MailExchanger::kLoopback:
      return "DNS: " + domain +
             " exists but cannot receive mail (its best mail exchanger is this machine: localhost or a"
             " loopback address; mail for it loops back)";
    case MailExchanger::kNoExchangerHost:
      return "DNS: " + domain + " exists but cannot receive mail (its mail exchangers do not exist)";
    case MailExchanger::kSpecialAddress:
      return "DNS: " + domain + " exists but cannot receive mail (its mail exchanger's address is " +
             d.address_kind + ", a special-purpose address no mail host has)";
    default: return "DNS: " + domain + " exists but cannot receive mail (no MX, no address)";
  }
}

// What the catch-all probe found, when it ran: ", and accepts mail for any
// address (a catch-all)".
std::string CatchAllClause(const DnsFacts& d) {
  if (d.catch_all) {
    return *d.catch_all ? ", and accepts mail for any address (a catch-all)"
                        : ", and refuses unknown addresses (not a catch-all)";
  }
  if (d.catch_all_unknown.empty() || d.catch_all_unknown.starts_with("not probed")) return "";
  return "; catch-all unknown (" + d.catch_all_unknown + "), so it counts as one";
}

}  // namespace

// "dns": {"exists", "mx", "mail_exchanger"[, "address_kind"], "catch_all", "checked_at"[,
// "unknown"][, "catch_all_unknown"]}; null facts are unknown and "unknown"
// / "catch_all_unknown" say why (catch_all is null whenever the probe is off).
// Facts inferred with no query sent (a TLD the root zone lacks, a name of
// one label: dns::FactsWithoutLookup) have no checked_at and say
// "source": "root-zone" in its place.
void WriteDnsFacts(const DnsFacts& d, JsonWriter& w) {
  w.Key("dns").BeginObject();
  w.Key("exists");
  TriState(d.exists, w);
  w.Key("mx");
  TriState(d.mx, w);
  w.Key("mail_exchanger").String(MailExchangerName(d.exchanger));
  if (!d.address_kind.empty()) w.Key("address_kind").String(d.address_kind);
  w.Key("catch_all");
  TriState(d.catch_all, w);
  if (d.checked_at.empty()) {
    w.Key("source").String("root-zone");
  } else {
    w.Key("checked_at").String(d.checked_at);
  }
  if (!d.unknown.empty()) w.Key("unknown").String(d.unknown);
  if (!d.catch_all_unknown.empty()) w.Key("catch_all_unknown").String(d.catch_all_unknown);
  w.EndObject();
}

void OpenCheckJson(const RecipientCheck& c, JsonWriter& w) {
  w.BeginObject();
  w.Key("input").String(c.input);
  w.Key("address").StringOrNull(c.address);
  w.Key("domain").StringOrNull(c.domain);
  if (!c.domain_unicode.empty() && c.domain_unicode != c.domain) {
    w.Key("domain_unicode").String(c.domain_unicode);
  }
  w.Key("verdict").String(VerdictName(c.verdict));
  if (!c.route_domains.empty()) {
    w.Key("route_domains").BeginArray();
    for (const std::string& d : c.route_domains) w.String(d);
    w.EndArray();
  }
  if (!c.target.empty()) w.Key("target").String(c.target);
  if (!c.suggestion.empty()) w.Key("suggestion").String(c.suggestion);
  if (!c.also_suggestion.empty()) w.Key("also_suggestion").String(c.also_suggestion);
  w.Key("score").Double(std::round(c.score * 100) / 100);
  if (c.address_typo) {
    w.Key("address_typo").BeginObject();
    w.Key("kind").String(AddressTypoKindName(c.address_typo->kind));
    w.Key("score").Double(std::round(c.address_typo->score * 100) / 100);
    w.EndObject();
  }
  w.Key("reasons").BeginArray();
  for (const Reason& r : c.reasons) {
    w.BeginObject().Key("code").String(ReasonCodeName(r.code)).Key("message").String(ReasonMessage(r)).EndObject();
  }
  w.EndArray();
  if (c.dns) WriteDnsFacts(*c.dns, w);
}

nlohmann::ordered_json CheckToJson(const RecipientCheck& c) {
  std::string text;
  JsonWriter w(&text);
  OpenCheckJson(c, w);
  w.EndObject();
  return ParseWritten(text);
}

std::string_view ShownClass(const RecipientCheck& c) {
  if (c.address_typo && (c.verdict == Verdict::kTrusted || c.verdict == Verdict::kExternal)) {
    return "address-typo";
  }
  return VerdictName(c.verdict);
}

std::string_view ShownClass(const RecipientCheck& c, const RecipientDecision& d) {
  if (!d.finding.empty() && (c.verdict == Verdict::kTrusted || c.verdict == Verdict::kExternal)) {
    return d.finding;
  }
  return ShownClass(c);
}

std::string CheckToLine(const RecipientCheck& c, const Terminal& term, std::string_view shown) {
  Colour colour = Colour::kNone;
  switch (c.verdict) {
    case Verdict::kTrusted: colour = Colour::kGreen; break;
    case Verdict::kExternal: colour = Colour::kDim; break;
    case Verdict::kLookalike:
    case Verdict::kBlocked:
    case Verdict::kInvalid: colour = Colour::kRed; break;
  }
  std::string verdict(shown.empty() ? ShownClass(c) : shown);
  if (verdict != VerdictName(c.verdict)) colour = Colour::kYellow;
  verdict.resize(std::max<size_t>(10, verdict.size() + 1), ' ');
  // People read the Unicode form; the A-label form is in the JSON.
  // Peer text: controls (a NUL, CR, LF) shown as '?', never written raw.
  std::string who = log::Untrusted(c.address.empty() ? c.input : c.address, 1024);
  if (!c.domain_unicode.empty() && c.domain_unicode != c.domain) {
    who = who.substr(0, who.rfind('@') + 1) + c.domain_unicode;
  }
  std::string line = term.Paint(colour, verdict) + term.Paint(Colour::kBold, who) + ": ";
  if (c.reasons.empty()) {
    const std::string& shown_domain = c.domain_unicode.empty() ? c.domain : c.domain_unicode;
    line += shown_domain;
    // A name under a TLD RFC 6761 keeps for tests and documentation is
    // judged like any other (test rigs and the docs' examples use them),
    // but "looks like no trusted domain" alone hid that no server outside
    // a test rig receives mail there (round 47's tester 15, finding 5).
    const std::string_view tld = std::string_view(c.domain).substr(c.domain.rfind('.') + 1);
    if (c.domain.find('.') != std::string::npos && address::IsTestingTld(tld)) {
      line += " is not trusted and looks like no trusted domain; its TLD ." + std::string(tld) +
              " is reserved for tests and documentation (RFC 6761), never delegated: only a test "
              "rig receives mail there";
    } else if (c.domain == "home.arpa" || c.domain.ends_with(".home.arpa")) {
      // RFC 8375: a home network's own names, never delegated beyond it.
      line += " is not trusted and looks like no trusted domain; home.arpa names a home "
              "network's own hosts (RFC 8375): only a server inside that network receives mail "
              "there";
    } else {
      line += " is not trusted and looks like no trusted domain";
    }
  } else {
    AppendReasonMessage(c.reasons.front(), &line);
    for (size_t i = 1; i < c.reasons.size(); ++i) {
      line += "; ";
      AppendReasonMessage(c.reasons[i], &line);
    }
  }
  if (!c.suggestion.empty()) {
    // As the sender writes it (x@яндекс.рф), not its A-label.
    line += "; did you mean " +
            term.Paint(Colour::kBold, log::Untrusted(address::ShownAddress(c.suggestion), 1024));
    if (!c.also_suggestion.empty()) {
      line += " or " + term.Paint(Colour::kBold,
                                  log::Untrusted(address::ShownAddress(c.also_suggestion), 1024));
    }
    line += "?";
  } else if (c.verdict == Verdict::kLookalike && !c.target.empty()) {
    // A look-alike of a namespace as a whole (gov.uk.ik, police.co.uk) has
    // no one address to offer; the decision's message says where to look
    // (decide.cc), and the line says it too (issue 15, tester r59b,
    // finding 4: the JSON said it, the text did not).
    line += "; did you mean an address under ." +
            term.Paint(Colour::kBold, log::Untrusted(address::ShownAddress(c.target), 1024)) + "?";
  }
  if (c.dns) {
    line += "; ";
    line += DnsFactsSentence(c);
  }
  return line;
}

std::string DnsFactsSentence(const RecipientCheck& c) {
  if (!c.dns) return {};
  return DnsSentence(c.domain, *c.dns) + CatchAllClause(*c.dns);
}

}  // namespace nearmiss::render
