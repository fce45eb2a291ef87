#include "address/public_suffix.h"

#include <libpsl.h>
#include <sys/stat.h>

#include <algorithm>
#include <ctime>
#include <fstream>

#include "address/root_zone.h"
#include "address/second_level_zone.h"
#include "nearmiss/address.h"

namespace nearmiss::address {
namespace {

const psl_ctx_t* Psl() {
  static const psl_ctx_t* const psl = [] {
    const psl_ctx_t* p = psl_latest(nullptr);
    return p != nullptr ? p : psl_builtin();
  }();
  return psl;
}

// `name` must be NUL-terminated: libpsl takes C strings.
bool IsSuffix(const char* name, std::string_view view) {
  if (view.empty()) return false;
  if (const psl_ctx_t* psl = Psl()) {
    // Without PSL_TYPE_NO_STAR_RULE the implicit "*" rule applies: an
    // unknown TLD is a suffix.
    const size_t last_dot = view.rfind('.');
    // A name of several labels is a suffix only under a TLD of the root
    // zone (root_zone.h): libpsl 0.21.2 answers "army.m", "foo.m" as
    // suffixes (its "*.mm" rule leaks onto ".m"), which made army.m invalid
    // instead of a slip. (Not "a TLD the list names": the PSL lists co.za
    // but not za.)
    if (last_dot != std::string_view::npos && !IsDelegatedTld(view.substr(last_dot + 1))) {
      return false;
    }
    return psl_is_public_suffix2(psl, name, PSL_TYPE_ICANN) != 0;
  }
  return view.find('.') == std::string_view::npos;
}

std::string_view StripRootDot(std::string_view d) {
  if (!d.empty() && d.back() == '.') d.remove_suffix(1);
  return d;
}

}  // namespace

SuffixViews SplitSuffixViews(const std::string& name) {
  SuffixViews out;
  if (name.empty()) return out;
  // Walk from the left: the first label boundary whose remainder is a suffix
  // gives the longest suffix.
  std::size_t pos = 0;
  std::size_t prev = std::string::npos;  // start of the label before `pos`
  for (;;) {
    const std::string_view rest = std::string_view(name).substr(pos);
    const std::size_t dot = rest.find('.');
    if (dot == std::string_view::npos || IsSuffix(name.c_str() + pos, rest)) {
      // The last label is a suffix even when the list says otherwise (only
      // possible with no list at all, or an exception rule's parent).
      out.suffix = rest;
      if (prev != std::string::npos) out.registrable = std::string_view(name).substr(prev);
      return out;
    }
    prev = pos;
    pos += dot + 1;
  }
}

SuffixSplit SplitSuffix(std::string_view ascii_domain) {
  const std::string name(StripRootDot(ascii_domain));
  SuffixViews v = SplitSuffixViews(name);
  return SuffixSplit{std::string(v.suffix), std::string(v.registrable)};
}

bool IsListedSuffix(std::string_view ascii_domain) {
  const std::string name(StripRootDot(ascii_domain));
  const psl_ctx_t* psl = Psl();
  // Under a TLD outside the root zone nothing is listed (libpsl's ".m"
  // leak: see IsSuffix); one hash lookup, not a second libpsl call.
  const size_t last_dot = name.rfind('.');
  if (last_dot != std::string::npos && !IsDelegatedTld(std::string_view(name).substr(last_dot + 1))) {
    return false;
  }
  return psl != nullptr && !name.empty() &&
         psl_is_public_suffix2(psl, name.c_str(),
                               PSL_TYPE_ICANN | PSL_TYPE_NO_STAR_RULE) != 0;
}

bool IsWildcardOnlySuffix(std::string_view ascii_domain) {
  const std::string_view name = StripRootDot(ascii_domain);
  const size_t dot = name.find('.');
  if (dot == std::string_view::npos || !IsListedSuffix(name)) return false;
  // A label no rule of the list names explicitly: a suffix only by "*.".
  std::string probe = "nearmiss-wildcard-probe";
  probe += name.substr(dot);
  return IsListedSuffix(probe);
}

bool IsOpenPrivateZone(std::string_view ascii_domain) {
  const std::string_view name = StripRootDot(ascii_domain);
  const size_t dot = name.find('.');
  if (dot == std::string_view::npos || name.find('.', dot + 1) != std::string_view::npos) {
    return false;
  }
  const std::string_view first = name.substr(0, dot), last = name.substr(dot + 1);
  auto country = [](std::string_view label) { return label.size() == 2 && IsDelegatedTld(label); };
  const bool generic = last == "com" || last == "net" || last == "org";
  // edu.ru, gov.ru, mil.ru sit in the private section too, but are a
  // country's public-sector zones (second_level_zone.h), open to no one.
  const bool shape = (generic && country(first)) ||
                     (country(last) && first.size() <= 3 && !IsPublicSectorLabel(first));
  if (!shape) return false;
  const psl_ctx_t* psl = Psl();
  const std::string z(name);
  return psl != nullptr &&
         psl_is_public_suffix2(psl, z.c_str(), PSL_TYPE_PRIVATE | PSL_TYPE_NO_STAR_RULE) != 0 &&
         psl_is_public_suffix2(psl, z.c_str(), PSL_TYPE_ICANN | PSL_TYPE_NO_STAR_RULE) == 0;
}

bool IsOpenPrivateSubzone(std::string_view ascii_domain) {
  const std::string_view name = StripRootDot(ascii_domain);
  const size_t dot = name.find('.');
  if (dot != 2 || !IsDelegatedTld(name.substr(0, dot)) ||
      !IsOpenPrivateZone(name.substr(dot + 1))) {
    return false;
  }
  const psl_ctx_t* psl = Psl();
  const std::string z(name);
  return psl != nullptr &&
         psl_is_public_suffix2(psl, z.c_str(), PSL_TYPE_PRIVATE | PSL_TYPE_NO_STAR_RULE) != 0 &&
         psl_is_public_suffix2(psl, z.c_str(), PSL_TYPE_ICANN | PSL_TYPE_NO_STAR_RULE) == 0;
}

namespace {

// Every rule of the list's text form that `keep` accepts, sorted, unique:
// the file beside the one libpsl loads, else Debian's place for it.
template <typename Keep>
Result<std::vector<std::string>> TextRules(Keep keep) {
  std::string path = "/usr/share/publicsuffix/public_suffix_list.dat";
  if (const char* dist = psl_dist_filename(); dist != nullptr && *dist != '\0') {
    std::string_view d(dist);
    if (size_t slash = d.rfind('/'); slash != std::string_view::npos) {
      path = std::string(d.substr(0, slash + 1)) + "public_suffix_list.dat";
    }
  }
  std::ifstream in(path);
  if (!in) return Status::NotFound(path + ": cannot read the Public Suffix List's text form");
  std::vector<std::string> out;
  std::string line;
  while (std::getline(in, line)) {
    // Rules are one a line; "//" starts a comment, and a rule ends at the
    // first blank (publicsuffix.org/list, "Format").
    if (line.empty() || line.starts_with("//")) continue;
    line.erase(std::min(line.find_first_of(" \t\r"), line.size()));
    if (keep(line)) out.push_back(std::move(line));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

Result<std::vector<std::string>> OpenPrivateZones() {
  return TextRules([](const std::string& rule) { return IsOpenPrivateZone(rule); });
}

Result<std::vector<std::string>> IcannSuffixRules() {
  return TextRules([](const std::string& rule) {
    // Wildcard ("*.ck") and exception ("!www.ck") rules name no one zone;
    // a U-label rule ("公司.cn") is left out, as the lists are A-labels.
    if (rule.find_first_of("*!") != std::string::npos) return false;
    if (std::any_of(rule.begin(), rule.end(), [](char c) { return (c & 0x80) != 0; })) return false;
    return IsListedSuffix(rule);
  });
}

bool PublicSuffixListLoaded() { return Psl() != nullptr; }

std::string PublicSuffixListSource() {
  auto day = [](time_t t) {
    char buf[16];
    struct tm tm;
    gmtime_r(&t, &tm);
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return std::string(buf);
  };
  std::string source = std::string("libpsl ") + psl_get_version() + ": ";
  if (!PublicSuffixListLoaded()) return source + "no list could be loaded";
  time_t builtin = psl_builtin_file_time();
  struct stat st;
  const char* dist = psl_dist_filename();
  if (dist != nullptr && *dist != '\0' && ::stat(dist, &st) == 0 && st.st_mtime > builtin) {
    return source + dist + " of " + day(st.st_mtime);
  }
  return source + "its built-in copy of " + day(builtin);
}

std::optional<int64_t> PublicSuffixListDay() {
  if (!PublicSuffixListLoaded()) return std::nullopt;
  // The same choice as PublicSuffixListSource's (psl_latest()'s).
  time_t t = psl_builtin_file_time();
  struct stat st;
  const char* dist = psl_dist_filename();
  if (dist != nullptr && *dist != '\0' && ::stat(dist, &st) == 0 && st.st_mtime > t) {
    t = st.st_mtime;
  }
  const int64_t secs = static_cast<int64_t>(t);
  return secs >= 0 ? secs / 86400 : (secs - 86399) / 86400;
}

std::string PublicSuffixListAge(int64_t now, std::optional<int64_t> day) {
  if (!day) return "";
  // Floor division, as RootZoneAge.
  const int64_t today = now >= 0 ? now / 86400 : (now - 86399) / 86400;
  const int64_t age = today - *day;
  if (age < 0) return "after today's date (is the clock right?)";
  std::string out = std::to_string(age);
  out.append(age == 1 ? " day ago" : " days ago");
  if (age > kPublicSuffixStaleDays) {
    out.append("; older than ").append(std::to_string(kPublicSuffixStaleDays));
    out.append(" days: update it (Debian: apt-get install --only-upgrade publicsuffix)");
  }
  return out;
}

}  // namespace nearmiss::address

namespace nearmiss {

std::string PublicSuffix(std::string_view ascii_domain) {
  return address::SplitSuffix(ascii_domain).suffix;
}

bool IsPublicSuffix(std::string_view ascii_domain) {
  const std::string name(address::StripRootDot(ascii_domain));
  return address::IsSuffix(name.c_str(), name);
}

}  // namespace nearmiss
