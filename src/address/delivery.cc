// ParseRecipient: the delivery domain as Postfix's trivial-rewrite(8)
// derives it (resolve.c's loop and rewrite.c's rewrite_tree), and every
// further domain the address routes through.

#include "nearmiss/delivery.h"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

#include "address/mailto.h"
#include "address/rfc5322.h"
#include "address/text.h"

namespace nearmiss {
namespace {

using address::Echo;
using address::Invalid;
using address::kNpos;
using address::TrimSpace;
using address::Walker;

// Positions of top-level characters (outside quotes and comments): Postfix's
// tokenizer (tok822) reads quoted strings and comments as single tokens, so
// an '@', '%' or '!' inside them is not an operator.
std::size_t FindTop(std::string_view s, char c) {
  Walker w(s);
  return w.Find(std::string_view(&c, 1));
}

std::size_t RFindTop(std::string_view s, char c) {
  Walker w(s);
  std::size_t last = kNpos;
  for (std::size_t p = w.Find(std::string_view(&c, 1)); p != kNpos;
       p = w.Find(std::string_view(&c, 1), p + 1)) {
    last = p;
  }
  return last;
}

// Postfix's internal form of an address (smtpd and cleanup unquote what they
// receive; tok822 drops white space between tokens): quotes and backslash
// escapes removed, white space outside quotes dropped. `bob."@army.ml"@mx`
// is `bob.@army.ml@mx` inside Postfix, whatever its quoting said.
std::string Internalize(std::string_view s) {
  std::string out;
  bool quoted = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\\' && i + 1 < s.size()) {
      out += s[++i];
    } else if (c == '"') {
      quoted = !quoted;
    } else if (!quoted && (c == ' ' || c == '\t' || c == '\r' || c == '\n')) {
      continue;
    } else {
      out += c;
    }
  }
  return out;
}

// quote_822_local: an internal local part that is not a plain dot-atom of
// atext and '%'/'!' operators is quoted whole when Postfix re-reads it, and
// a quoted local part is cracked open at '@', then '%', then '!'
// (resolve_dequoted_address) rather than read as operators.
bool NeedsQuoting(std::string_view local) {
  if (local.empty() || local.front() == '.' || local.back() == '.' ||
      local.find("..") != std::string_view::npos) {
    return true;
  }
  for (char c : local) {
    if (c != '.' && !address::IsAtext(static_cast<unsigned char>(c))) return true;
  }
  return false;
}

// resolve.c: "Strip trailing dot at end of domain, but not dot-dot or
// at-dot."
std::string_view StripTrailingDot(std::string_view domain) {
  if (domain.size() >= 2 && domain.back() == '.' &&
      domain[domain.size() - 2] != '.') {
    domain.remove_suffix(1);
  }
  return domain;
}

// An address cut into a local part and a domain, and how the cut was made.
struct Cut {
  std::string local;
  std::string domain;
  std::string how;
};

// The domain side is re-read by tok822, which drops white space between
// tokens: a cracked-open "bob@army .ml" routes to army.ml.
std::string WithoutSpace(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') out += c;
  }
  return out;
}

Cut CutAt(std::string_view s, std::size_t at, std::string how) {
  return Cut{std::string(s.substr(0, at)), WithoutSpace(s.substr(at + 1)), std::move(how)};
}

// rewrite.c's rewrite_tree for an address with no '@': a bang path
// "site!user" becomes user@site at the first '!' (swap_bangpath), else the
// rightmost '%' becomes '@' (allow_percent_hack).
std::optional<Cut> RewriteOperators(std::string_view s, bool bang, bool percent) {
  if (bang) {
    const std::size_t b = s.find('!');
    if (b != std::string_view::npos) {
      return Cut{std::string(s.substr(b + 1)), WithoutSpace(s.substr(0, b)), "bang path"};
    }
  }
  if (percent) {
    const std::size_t p = s.rfind('%');
    if (p != std::string_view::npos) return CutAt(s, p, "percent hack");
  }
  return std::nullopt;
}

// Where an internal local part is routed on once its domain is stripped
// (resolve.c, after "Strip (and save) @domain if local"). A local part
// Postfix would quote is cracked open at its rightmost '@', else its
// rightmost '%', else a bang path; a plain one is rewritten as operators,
// bang path first. nullopt when it names no further domain.
std::optional<Cut> RouteOn(std::string_view local, bool bang, bool percent) {
  if (!NeedsQuoting(local)) return RewriteOperators(local, bang, percent);
  if (const std::size_t a = local.rfind('@'); a != std::string_view::npos) {
    return CutAt(local, a, "'@' in the local part");
  }
  if (const std::size_t p = local.rfind('%'); percent && p != std::string_view::npos) {
    return CutAt(local, p, "percent hack");
  }
  if (bang) return RewriteOperators(local, true, false);
  return std::nullopt;
}

bool IsLocal(std::string_view domain, const DeliveryOptions& options) {
  const std::string lower = address::AsciiLower(StripTrailingDot(domain));
  return std::find(options.local_domains.begin(), options.local_domains.end(),
                   lower) != options.local_domains.end();
}

// A host name without a dot ("b" in a@b@army.ml): the next server delivers
// it as one of its own (append_at_myorigin), which is the delivery domain.
bool IsBareLabel(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                    (c >= '0' && c <= '9') || c == '-';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

Result<Recipient> ParseRecipient(std::string_view text,
                                 const DeliveryOptions& options) {
  // A mailto: URI is percent-encoded (RFC 6068): "mailto:eve%40gmial.com"
  // is eve@gmial.com, not a percent hack.
  if (std::vector<std::string> uri = address::MailtoRecipients(text); uri.size() == 1) {
    return ParseRecipient(uri[0], options);
  }
  NM_ASSIGN_OR_RETURN(address::MailboxParts parts, address::SplitMailbox(text));
  Walker balance(parts.spec);
  balance.Find("");
  NM_RETURN_IF_ERROR(balance.status());
  address::Decommented decommented = address::StripComments(parts.spec, '\0');
  std::string_view s = TrimSpace(decommented.text);
  // RFC 5321 source route "@relay.mil:bob@army.ml": Postfix drops it.
  if (!s.empty() && s.front() == '@') {
    const std::size_t colon = FindTop(s, ':');
    if (colon != kNpos) s = TrimSpace(s.substr(colon + 1));
  }

  Recipient r;
  r.display_name = address::CleanDisplayName(
      parts.bracketed ? parts.display : decommented.first_comment);
  const bool bang = options.swap_bangpath;
  const bool percent = options.allow_percent_hack;

  // The local part as typed, for the note on irregular forms.
  const std::size_t typed_at = RFindTop(s, '@');
  const std::string internal = Internalize(s);

  // Postfix's loop: strip local domains and route on, until a remote
  // domain (or none) is left. Each pass consumes at least one operator.
  std::optional<Cut> cut;
  if (const std::size_t at = internal.rfind('@'); at != std::string::npos) {
    cut = CutAt(internal, at, "'@'");
  } else {
    // cleanup(8) rewrites an address without '@' before it is resolved: a
    // bang path or percent hack, else @$myorigin appended to a bare local
    // name (append_at_myorigin), when the server's myorigin is known.
    cut = RewriteOperators(internal, bang, percent);
    if (!cut && !options.myorigin.empty() && !internal.empty() && !NeedsQuoting(internal)) {
      cut = Cut{internal, options.myorigin, "myorigin"};
    }
  }
  if (!cut) return Invalid("no '@' in '" + Echo(parts.whole) + "'");
  while (IsLocal(cut->domain, options)) {
    std::optional<Cut> next = RouteOn(cut->local, bang, percent);
    if (!next) break;  // delivered here, at the local domain
    cut = std::move(next);
  }

  std::string_view domain_raw = StripTrailingDot(cut->domain);
  if (domain_raw.empty()) return Invalid("empty domain");
  // ParseDomain's refusals name the domain and what is wrong with it.
  NM_ASSIGN_OR_RETURN(r.domain, ParseDomain(domain_raw));
  r.local = cut->local;
  if (r.local.empty()) {
    r.irregular = "empty local part";
  } else if (typed_at != kNpos) {
    const std::string_view typed_local = TrimSpace(s.substr(0, typed_at));
    Result<std::string> strict = address::ParseLocal(typed_local);
    if (!strict.ok()) {
      r.irregular = strict.error().message();
    } else if (*strict != r.local) {
      r.irregular = "the mail server reads the local part as '" + Echo(r.local) + "'";
    }
  } else {
    r.irregular = "'" + Echo(parts.whole) + "' is routed by its " + cut->how;
  }

  // Further domains the next hop may route to, whatever this server's
  // settings: percent hack and bang path both, as Postfix's
  // RESOLVE_FLAG_ROUTED check does ("we can't know how the next MX host is
  // set up"). One that cannot be judged makes the recipient unjudgeable.
  std::string local = cut->local;
  for (int guard = 0; guard < 64; ++guard) {
    std::optional<Cut> hop = RouteOn(local, /*bang=*/true, /*percent=*/true);
    if (!hop) break;
    const std::string_view hop_domain = StripTrailingDot(hop->domain);
    Result<Domain> d = ParseDomain(hop_domain);
    if (d.ok()) {
      r.route.push_back(RouteHop{std::move(*d), hop->local, hop->how});
    } else if (!IsBareLabel(hop_domain)) {
      return Invalid("the address routes on to '" + Echo(hop_domain) + "' (" + hop->how +
                     "), which is not a domain nearmiss can judge: " + d.error().message());
    }
    local = std::move(hop->local);
  }
  return r;
}

namespace {

// The plain forms "bob@army.mil" and "<bob@army.mil>": a local part that is
// a dot-atom of ASCII atext with no routing operator ('%', '!'), at most 64
// octets, at a domain of letters, digits, hyphens and dots. For these every
// rule above comes to the same answer: the '@' cut is the only cut, the
// local part needs no quoting, so Postfix neither cracks it open nor
// rewrites it (whatever mydestination says), it is not irregular, and it
// names no further domain. The fast path gives that answer without the
// general walk's copies; delivery_test checks it against the walk.
bool SplitPlain(std::string_view text, std::string_view& local, std::string_view& domain) {
  if (text.size() >= 2 && text.front() == '<' && text.back() == '>') {
    text = text.substr(1, text.size() - 2);
  }
  const std::size_t at = text.find('@');
  if (at == std::string_view::npos || at == 0 || at > address::kMaxLocalOctets) return false;
  local = text.substr(0, at);
  domain = text.substr(at + 1);
  if (domain.empty() || !address::IsDotAtom(local)) return false;
  for (char c : local) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || c == '%' || c == '!') return false;
  }
  for (char c : domain) {
    const bool ldh = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                     (c >= '0' && c <= '9') || c == '-' || c == '.';
    if (!ldh) return false;
  }
  return true;
}

}  // namespace

Status ParseRecipient(std::string_view text, const DeliveryOptions& options, Recipient* out) {
  std::string_view local, domain;
  if (SplitPlain(text, local, domain)) {
    out->display_name.clear();
    out->local.assign(local);
    out->route.clear();
    out->irregular.clear();
    return ParseDomain(StripTrailingDot(domain), &out->domain);
  }
  NM_ASSIGN_OR_RETURN(*out, ParseRecipient(text, options));
  return Status::Ok();
}

std::string Recipient::ToString() const { return WithDomain(domain.ascii); }

void Recipient::WriteAddress(std::string* out) const {
  address::AssignMailbox(local, domain.ascii, out);
}

std::string Recipient::WithDomain(std::string_view ascii_domain) const {
  std::string out;
  address::AssignMailbox(local, ascii_domain, &out);
  return out;
}

}  // namespace nearmiss
