#include "address/root_zone.h"

#include "address/idna.h"
#include "address/special_use_names.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

namespace nearmiss {
namespace data {
extern const std::string_view kRootZoneTlds;
extern const std::string_view kIdnCcTlds;
extern const std::string_view kIdnTldForms;
}  // namespace data

namespace address {
namespace {

struct RootZone {
  std::unordered_set<std::string_view> tlds;  // views into data::kRootZoneTlds
  std::unordered_set<std::string_view> idn_cctlds;  // first words of data::kIdnCcTlds
  // data::kIdnTldForms: A-label -> the ASCII TLD, in the list's order.
  std::vector<std::pair<std::string_view, std::string_view>> forms;
  std::string source;
};

const RootZone& Zone() {
  static const RootZone* const zone = [] {
    auto* z = new RootZone;
    std::string_view text = data::kRootZoneTlds;
    std::string versions;
    while (!text.empty()) {
      size_t end = text.find('\n');
      std::string_view line = text.substr(0, end);
      text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
      if (line.empty()) continue;
      if (line[0] == '#') {
        // "#   IANA Version 2024110800, Last Updated ...": the list's date.
        size_t at = line.find("IANA Version ");
        if (at != std::string_view::npos && versions.empty()) {
          std::string_view rest = line.substr(at);
          versions = rest.substr(0, rest.find(','));
        }
        continue;
      }
      z->tlds.insert(line);
    }
    for (std::string_view rest = data::kIdnCcTlds; !rest.empty();) {
      size_t end = rest.find('\n');
      std::string_view line = rest.substr(0, end);
      rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
      if (line.empty() || line[0] == '#') continue;
      z->idn_cctlds.insert(line.substr(0, line.find(' ')));
    }
    for (std::string_view rest = data::kIdnTldForms; !rest.empty();) {
      size_t end = rest.find('\n');
      std::string_view line = rest.substr(0, end);
      rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
      if (line.empty() || line[0] == '#') continue;
      const size_t space = line.find(' ');
      if (space == std::string_view::npos) continue;
      z->forms.emplace_back(line.substr(0, space), line.substr(space + 1));
    }
    z->source = "data/lists/root-zone-tlds.txt: " + std::to_string(z->tlds.size()) + " TLDs (" +
                versions + ")";
    return z;
  }();
  return *zone;
}

}  // namespace

bool IsDelegatedTld(std::string_view tld) {
  const RootZone& z = Zone();
  return z.tlds.empty() || z.tlds.contains(tld);
}

bool HasDelegatedTld(std::string_view domain) {
  if (!domain.empty() && domain.back() == '.') domain.remove_suffix(1);
  size_t dot = domain.rfind('.');
  return IsDelegatedTld(dot == std::string_view::npos ? domain : domain.substr(dot + 1));
}

std::vector<std::string> CountryCodeTlds() {
  std::vector<std::string> out;
  for (std::string_view tld : Zone().tlds) {
    if (tld.size() == 2) out.emplace_back(tld);
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool IsCountryCodeTld(std::string_view tld) {
  if (!IsDelegatedTld(tld)) return false;
  if (tld.size() == 2) return tld[0] >= 'a' && tld[0] <= 'z' && tld[1] >= 'a' && tld[1] <= 'z';
  return Zone().idn_cctlds.contains(tld);
}

std::string_view AsciiTldOfForm(std::string_view tld) {
  for (const auto& [form, ascii] : Zone().forms) {
    if (form == tld) return ascii;
  }
  return {};
}

std::vector<std::string_view> FormsOfTld(std::string_view tld) {
  std::vector<std::string_view> out;
  for (const auto& [form, ascii] : Zone().forms) {
    if (ascii == tld) out.push_back(form);
  }
  return out;
}

std::string_view RootZoneSource() { return Zone().source; }

std::optional<int64_t> RootZoneDay() {
  // "IANA Version 2024110800": the first eight digits are the date.
  const std::string_view source = Zone().source;
  const size_t at = source.find("IANA Version ");
  if (at == std::string_view::npos) return std::nullopt;
  const std::string_view digits = source.substr(at + 13, 8);
  if (digits.size() != 8 || !std::all_of(digits.begin(), digits.end(), [](char c) {
        return c >= '0' && c <= '9';
      })) {
    return std::nullopt;
  }
  const int v = std::stoi(std::string(digits));
  const std::chrono::year_month_day ymd{std::chrono::year(v / 10000),
                                        std::chrono::month(static_cast<unsigned>(v / 100 % 100)),
                                        std::chrono::day(static_cast<unsigned>(v % 100))};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_days(ymd).time_since_epoch().count();
}

std::string RootZoneAge(int64_t now) {
  const std::optional<int64_t> day = RootZoneDay();
  if (!day) return "";
  const std::chrono::year_month_day ymd{std::chrono::sys_days(std::chrono::days(*day))};
  char date[16];
  std::snprintf(date, sizeof date, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  // Floor division: a clock before 1970 is no reason to misreport.
  const int64_t today = now >= 0 ? now / 86400 : (now - 86399) / 86400;
  const int64_t age = today - *day;
  std::string out = "updated ";
  out.append(date).append(", ");
  if (age < 0) return out.append("after today's date (is the clock right?)");
  out.append(std::to_string(age)).append(age == 1 ? " day ago" : " days ago");
  if (age > kRootZoneStaleDays) {
    out.append("; older than ").append(std::to_string(kRootZoneStaleDays));
    out.append(" days: refresh it with tools/make-root-zone-tlds");
  }
  return out;
}

SpecialUseTld SpecialUse(std::string_view tld) {
  if (tld == "test" || tld == "example" || tld == "localhost") return SpecialUseTld::kTesting;
  if (tld == "invalid") return SpecialUseTld::kInvalid;
  return SpecialUseTld::kNone;
}

bool IsPrivateUseTld(std::string_view tld) {
  for (std::string_view t : {"internal", "local", "corp", "home", "mail", "lan", "localdomain",
                             "intranet", "private"}) {
    if (tld == t) return true;
  }
  return false;
}

std::string UndelegatedTldDetail(std::string_view tld_ascii) {
  std::string s = NoSuchTldPhrase(tld_ascii);
  if (IsPrivateUseTld(tld_ascii)) {
    // hq.corp, host.local, mail.internal: real on the sender's network, so
    // "does not exist" would be false; what is true is that no server
    // outside it receives such mail, and how to trust the name.
    if (SpecialUseTldRfc(tld_ascii).empty()) {
      s = "the TLD .";
      s.append(ShownAddress(tld_ascii)).append(" is for private networks, outside the public DNS");
    }
    s.append(": mail there reaches only a server inside your network; if the domain is yours, "
             "list it in [domains] organisation or allow");
    return s;
  }
  // A special-use name says already that nothing public receives mail.
  if (SpecialUseTldRfc(tld_ascii).empty()) s.append(": no mail can be delivered there");
  return s;
}

namespace {

// Whether `a` and `b` are one edit apart: a letter changed, added or left
// out, or two neighbours swapped (optimal string alignment distance 1).
bool OneEditApart(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (i == a.size()) return a.size() != b.size();  // one added at the end
  if (a.size() == b.size()) {
    if (a.substr(i + 1) == b.substr(i + 1)) return true;  // changed
    return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
           a.substr(i + 2) == b.substr(i + 2);  // swapped
  }
  return a.substr(i) == b.substr(i + 1);  // one added in b
}

}  // namespace

std::string_view CommonTldOneSlipFrom(std::string_view tld) {
  // The generic TLDs and the ccTLDs most mail goes to, most common first.
  static constexpr std::string_view kCommon[] = {
      "com", "net", "org", "uk", "de", "fr", "it", "es", "nl", "ca", "au", "us", "edu",
      "gov", "mil", "info", "eu", "ch", "se", "no", "dk", "ie", "be", "at", "nz"};
  if (tld.empty() || IsDelegatedTld(tld)) return {};
  // inn, dkk, att: a country's code with its last letter typed twice, the
  // plainest slip there is, before any list's order (.inn was read as
  // .int, a treaty organisations' TLD no company holds: round 48's tester
  // 15, finding 5). .int is no common TLD for that reason.
  if (tld.size() == 3 && tld[1] == tld[2] && IsCountryCodeTld(tld.substr(0, 2))) {
    return tld.substr(0, 2);
  }
  for (std::string_view common : kCommon) {
    // A two-letter code only with a letter added (ukk, dee): another
    // letter in a two-letter TLD (zz, nz) is as likely another country.
    if (common.size() == 2 && tld.size() != 3) continue;
    if (OneEditApart(tld, common)) return common;
  }
  return {};
}

}  // namespace address
}  // namespace nearmiss
