// ParseRecipient: the delivery domain as Postfix's trivial-rewrite(8)
// derives it (resolve.c's loop and rewrite.c's rewrite_tree), and every
// further domain the address routes through.

#include "nearmiss/delivery.h"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

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

// The content of a local part that is one quoted string, unescaped.
std::optional<std::string> Dequote(std::string_view s) {
  if (s.size() < 2 || s.front() != '"' || s.back() != '"') return std::nullopt;
  std::string out;
  for (std::size_t i = 1; i + 1 < s.size(); ++i) {
    if (s[i] == '"') return std::nullopt;  // more than one quoted string
    if (s[i] == '\\' && i + 2 < s.size()) ++i;
    out += s[i];
  }
  return out;
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

// rewrite.c's rewrite_tree for an address with no '@': a bang path
// "site!user" becomes user@site at the first '!' (swap_bangpath), else the
// rightmost '%' becomes '@' (allow_percent_hack).
std::optional<Cut> RewriteOperators(std::string_view s, bool bang,
                                    bool percent) {
  if (bang) {
    const std::size_t b = FindTop(s, '!');
    if (b != kNpos) {
      return Cut{std::string(s.substr(b + 1)), std::string(s.substr(0, b)),
                 "bang path"};
    }
  }
  if (percent) {
    const std::size_t p = RFindTop(s, '%');
    if (p != kNpos) {
      return Cut{std::string(s.substr(0, p)), std::string(s.substr(p + 1)),
                 "percent hack"};
    }
  }
  return std::nullopt;
}

// Where a local part is routed on once its domain is stripped (resolve.c,
// after "Strip (and save) @domain if local"): an '@' left in it, then the
// operators, then a quoted local part cracked open
// (resolve_dequoted_address): its rightmost '@', else its rightmost '%',
// else a bang path. nullopt when it names no further domain.
std::optional<Cut> RouteOn(std::string_view local, bool bang, bool percent) {
  const std::size_t at = RFindTop(local, '@');
  if (at != kNpos) {
    return Cut{std::string(local.substr(0, at)),
               std::string(local.substr(at + 1)), "'@'"};
  }
  if (std::optional<Cut> cut = RewriteOperators(local, bang, percent)) {
    return cut;
  }
  std::optional<std::string> inner = Dequote(local);
  if (!inner) return std::nullopt;
  std::optional<Cut> cut;
  if (const std::size_t a = inner->rfind('@'); a != std::string::npos) {
    cut = Cut{inner->substr(0, a), inner->substr(a + 1), "quoted '@'"};
  } else if (const std::size_t p = inner->rfind('%');
             percent && p != std::string::npos) {
    cut = Cut{inner->substr(0, p), inner->substr(p + 1), "quoted percent hack"};
  } else if (bang && inner->find('!') != std::string::npos) {
    cut = RewriteOperators(*inner, true, false);
    if (cut) cut->how = "quoted bang path";
  }
  return cut;
}

bool IsLocal(std::string_view domain, const DeliveryOptions& options) {
  const std::string lower = address::AsciiLower(StripTrailingDot(domain));
  return std::find(options.local_domains.begin(), options.local_domains.end(),
                   lower) != options.local_domains.end();
}

// The local part as it reaches the delivery domain, held to RFC 5321/5322;
// `*irregular` says why when it is not, and the raw text is kept.
std::string DeliveryLocal(std::string_view raw, std::string* irregular) {
  raw = TrimSpace(raw);
  if (raw.empty()) {
    *irregular = "empty local part";
    return "";
  }
  Result<std::string> strict = address::ParseLocal(raw);
  if (strict.ok()) return *strict;
  *irregular = strict.error().message();
  std::optional<std::string> inner = Dequote(raw);
  return inner ? *inner : std::string(raw);
}

}  // namespace

Result<Recipient> ParseRecipient(std::string_view text,
                                 const DeliveryOptions& options) {
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

  // Postfix's loop: strip local domains and route on, until a remote
  // domain (or none) is left. Each pass consumes at least one operator.
  std::optional<Cut> cut;
  if (const std::size_t at = RFindTop(s, '@'); at != kNpos) {
    cut = Cut{std::string(s.substr(0, at)), std::string(s.substr(at + 1)),
              "'@'"};
  } else {
    // cleanup(8) rewrites an address without '@' before it is resolved.
    cut = RewriteOperators(s, bang, percent);
  }
  if (!cut) return Invalid("no '@' in '" + Echo(parts.whole) + "'");
  while (IsLocal(cut->domain, options)) {
    std::optional<Cut> next = RouteOn(cut->local, bang, percent);
    if (!next) break;  // delivered here, at the local domain
    cut = std::move(next);
  }

  std::string_view domain_raw = StripTrailingDot(TrimSpace(cut->domain));
  if (domain_raw.empty()) return Invalid("empty domain");
  // ParseDomain's refusals name the domain and what is wrong with it.
  NM_ASSIGN_OR_RETURN(r.domain, ParseDomain(domain_raw));
  r.local = DeliveryLocal(cut->local, &r.irregular);

  // Further domains the next hop may route to, whatever this server's
  // settings: percent hack and bang path both, as Postfix's
  // RESOLVE_FLAG_ROUTED check does ("we can't know how the next MX host is
  // set up").
  std::string local = cut->local;
  for (int guard = 0; guard < 64; ++guard) {
    std::optional<Cut> hop = RouteOn(local, /*bang=*/true, /*percent=*/true);
    if (!hop) break;
    Result<Domain> d = ParseDomain(StripTrailingDot(TrimSpace(hop->domain)));
    if (d.ok()) {
      std::string ignored;
      r.route.push_back(
          RouteHop{std::move(*d), DeliveryLocal(hop->local, &ignored), hop->how});
    }
    local = std::move(hop->local);
  }
  return r;
}

std::string Recipient::ToString() const { return WithDomain(domain.ascii); }

std::string Recipient::WithDomain(std::string_view ascii_domain) const {
  Address a;
  a.local = local;
  return a.WithDomain(ascii_domain);
}

}  // namespace nearmiss
