#include "investigate/report_marking.h"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <tuple>

namespace nearmiss::investigate {
namespace {

std::string UpperAscii(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string Trim(std::string_view s, std::string_view chars = " ") {
  size_t b = s.find_first_not_of(chars);
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(chars);
  return std::string(s.substr(b, e - b + 1));
}

// The scheme's own order among the words the common scale puts on one step
// (EO 13526 1.2; PSPF Policy 8; NATO C-M(2002)49 and the EU's 2013/488/EU,
// whose words are the same in English and French).
int WordRank(const std::string& w) {
  if (w.find("TOP SECRET") != std::string::npos || w.find("TRES SECRET") != std::string::npos ||
      w.find("COSMIC") != std::string::npos) {
    return 6;
  }
  if (w.find("SECRET") != std::string::npos) return 5;
  if (w.find("HIGHLY PROTECTED") != std::string::npos) return 4;
  if (w.find("PROTECTED") != std::string::npos) return 3;
  if (w.find("CONFIDENTIAL") != std::string::npos || w.find("CONFIDENTIEL") != std::string::npos) {
    return 2;
  }
  if (w.find("RESTRICTED") != std::string::npos || w.find("RESTREINT") != std::string::npos) {
    return 1;
  }
  return 0;
}

// Level words a marking without "//" may have caveats after, in words
// ("SECRET UK EYES ONLY", "OFFICIAL-SENSITIVE COMMERCIAL", "PROTECTED:
// CABINET", "SECRET - AUSTEO"): longest first, so a word is not cut short.
constexpr std::string_view kLevelWords[] = {
    "OFFICIAL-SENSITIVE", "OFFICIAL: SENSITIVE", "OFFICIAL:SENSITIVE", "HIGHLY PROTECTED",
    "TOP SECRET",         "UNCLASSIFIED",        "CONFIDENTIAL",       "RESTRICTED",
    "PROTECTED",          "OFFICIAL",            "PROTECT",            "SECRET"};

// A US portion mark or abbreviated banner's level (CAPCO register):
// "(C//REL TO ...)", "S//NF", "(U//FOUO)".
std::string SpeltOut(const std::string& head) {
  if (head == "U") return "UNCLASSIFIED";
  if (head == "C") return "CONFIDENTIAL";
  if (head == "S") return "SECRET";
  if (head == "TS") return "TOP SECRET";
  return head;
}

struct Parsed {
  std::string level;
  std::vector<std::string> caveats;
  // Australia's email label only ("[SEC=...]"): its EXPIRES and DOWNTO, as
  // written (", EXPIRES=2026-06-30, DOWNTO=OFFICIAL"); "" when it has none.
  bool email_label = false;
  std::string expiry;
};

// Australia's email label (Email Protective Marking Standard, 2012.3 and
// 2018.4: "[SEC=PROTECTED, CAVEAT=SH:CABINET, ACCESS=Legal-Privilege]"; the
// au pack's match runs to the closing bracket): the classification is the
// value of SEC=; each CAVEAT= (a type and a caveat: SH special handling, RI
// releasability, C codeword), ACCESS= (an information management marker)
// and DLM= (2012) is a caveat, written as the standard writes it (", CAVEAT=
// SH:CABINET", the value's case kept); EXPIRES= and DOWNTO= go together
// into `expiry`. Other fields (NOTE=, ORIGIN=: the header's) are not
// markings.
Parsed EmailLabel(std::string_view text) {
  Parsed p;
  p.email_label = true;
  std::string_view rest = text.substr(text.find('=') + 1);
  if (size_t close = rest.find(']'); close != std::string_view::npos) rest = rest.substr(0, close);
  bool first = true;
  while (!rest.empty()) {
    size_t comma = rest.find(',');
    std::string field = Trim(rest.substr(0, comma));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    if (first) {
      p.level = UpperAscii(field);
      first = false;
      continue;
    }
    size_t eq = field.find('=');
    if (eq == std::string::npos) continue;
    std::string key = UpperAscii(Trim(std::string_view(field).substr(0, eq)));
    std::string value = Trim(std::string_view(field).substr(eq + 1));
    if (value.empty()) continue;
    std::string written = ", " + key + "=" + value;
    if (key == "CAVEAT" || key == "ACCESS" || key == "DLM") {
      p.caveats.push_back(std::move(written));
    } else if (key == "EXPIRES" || key == "DOWNTO") {
      p.expiry += written;
    }
  }
  return p;
}

Parsed Parse(const content::Finding& f) {
  // A label's name is case-sensitive and has no caveats.
  if (f.pack == "labels") {
    Parsed p;
    p.level = Trim(f.text);
    return p;
  }
  std::string u = UpperAscii(f.text);
  if (u.size() > 2 && u.front() == '(' && u.back() == ')') u = u.substr(1, u.size() - 2);
  if (f.pack == "au" && u.starts_with("[") &&
      std::string_view(u).substr(u.find_first_not_of("[ ")).starts_with("SEC")) {
    Parsed p = EmailLabel(f.text);
    // As the PSPF writes it (below): "OFFICIAL: Sensitive".
    if (p.level == "OFFICIAL:SENSITIVE" || p.level == "OFFICIAL: SENSITIVE") {
      p.level = "OFFICIAL: Sensitive";
    }
    return p;
  }
  const bool us = f.pack.starts_with("us-");
  // CAPCO separates categories with "//"; DoD's older style with one "/"
  // (US packs only: NATO/EU's "RESTREINT UE/EU RESTRICTED" is one level).
  const bool double_slash = u.find("//") != std::string::npos;
  size_t sep = double_slash ? u.find("//") : us ? u.find_first_of("/\\") : std::string::npos;
  Parsed p;
  if (sep != std::string::npos) {
    p.level = Trim(std::string_view(u).substr(0, sep));
    std::string_view rest = std::string_view(u).substr(sep);
    std::string_view delim = double_slash ? "//" : "/";
    while (!rest.empty()) {
      if (rest.starts_with(delim)) rest.remove_prefix(delim.size());
      size_t next = rest.find(delim);
      std::string c = Trim(rest.substr(0, next), " \\/");
      rest = next == std::string_view::npos ? std::string_view() : rest.substr(next);
      if (c.empty()) continue;
      if (c == "NF") c = "NOFORN";
      if (c == "OC") c = "ORCON";
      p.caveats.push_back("//" + c);
    }
  } else {
    p.level = Trim(u);
    if (f.pack == "uk" || f.pack == "au" || f.pack == "us-classified") {
      for (std::string_view w : kLevelWords) {
        if (u == w) break;  // the level alone ("OFFICIAL: SENSITIVE")
        if (u.size() > w.size() && u.starts_with(w) &&
            (u[w.size()] == ' ' || u[w.size()] == ':' || u[w.size()] == '-')) {
          // A descriptor or caveat in brackets ("SECRET [UK EYES ONLY]",
          // "OFFICIAL-SENSITIVE (PERSONAL)") is written as its words, as
          // the pack names it: the match may end before the closing
          // bracket, and a banner with half a bracket is no marking
          // (breaker round 16 §8).
          std::string caveat = Trim(std::string_view(u).substr(w.size()), " :-[]()");
          p.level = std::string(w);
          if (!caveat.empty()) p.caveats.push_back(" " + caveat);
          break;
        }
      }
    }
  }
  if (us) p.level = SpeltOut(p.level);
  // The PSPF writes its dissemination limiting marker so.
  if (p.level == "OFFICIAL: SENSITIVE" || p.level == "OFFICIAL:SENSITIVE") {
    p.level = "OFFICIAL: Sensitive";
  }
  return p;
}

// "REL TO USA, GBR" -> {"USA", "GBR"}.
std::vector<std::string> Countries(std::string_view rel_to) {
  std::vector<std::string> out;
  rel_to.remove_prefix(std::string_view("REL TO").size());
  while (!rel_to.empty()) {
    size_t comma = rel_to.find(',');
    std::string c = Trim(rel_to.substr(0, comma));
    if (!c.empty()) out.push_back(std::move(c));
    rel_to = comma == std::string_view::npos ? std::string_view() : rel_to.substr(comma + 1);
  }
  return out;
}

// The name a scheme's marking is written after in a banner of several, ""
// where its own words say it (NATO, EU).
std::string SchemeName(const std::string& pack) {
  if (pack == "uk") return "UK";
  if (pack == "us-classified" || pack == "us-cui") return "US";
  if (pack == "au") return "AU";
  if (pack == "nato-eu") return "";
  if (pack == "labels") return "label";
  return UpperAscii(pack);
}

}  // namespace

content::Sensitivity WithEmailLabelFields(
    const content::Sensitivity& s,
    const std::vector<std::pair<std::string, std::string>>& label_headers) {
  content::Sensitivity out = s;
  for (content::Finding& f : out.findings) {
    if (UpperAscii(f.where) != "HEADER:X-PROTECTIVE-MARKING") continue;
    for (const auto& [name, value] : label_headers) {
      if (UpperAscii(name) != "X-PROTECTIVE-MARKING") continue;
      // The standard's fields from SEC= on, unfolded; its VER=, NS= before.
      std::string unfolded;
      for (char c : value) {
        if (c != '\r' && c != '\n') unfolded += c == '\t' ? ' ' : c;
      }
      const size_t sec = UpperAscii(unfolded).find("SEC=");
      if (sec == std::string::npos) continue;
      f.pack = "au";
      // clear() then append: GCC 12 -O3 reports a false -Wrestrict on
      // "[" + string and on assigning a one-character literal (bug 105329).
      f.text.clear();
      f.text.append(1, '[').append(unfolded, sec);
      f.text += ']';
      break;
    }
  }
  return out;
}

void ReportMarking::Add(const content::Sensitivity& s) {
  for (const content::Finding& f : s.findings) {
    if (f.strength != content::Strength::kStrong || f.level == content::Level::kNone ||
        f.level == content::Level::kUnknownLabel || f.pack == "detector" ||
        f.pack == "custom" || f.pack == "limit") {
      continue;
    }
    Parsed p = Parse(f);
    if (p.level.empty()) continue;
    Scheme& sc = by_pack_[f.pack];
    const int rank = static_cast<int>(f.level);
    const int word_rank = WordRank(p.level);
    if (std::tie(rank, word_rank) > std::tie(sc.rank, sc.word_rank)) {
      sc.rank = rank;
      sc.word_rank = word_rank;
      sc.level = p.level;
    }
    if (p.email_label) {
      // An expiry is the report's only when every email label of the
      // scheme gives the same one: a report holding a message that never
      // expires must not say it does (its marking kept high, never lowered).
      if (!sc.expiry_seen) {
        sc.expiry = p.expiry;
        sc.expiry_seen = true;
      } else if (sc.expiry != p.expiry) {
        sc.expiry.clear();
        sc.expiry_differs = true;
      }
    }
    for (std::string& c : p.caveats) {
      if (c.starts_with("//REL TO")) {
        std::vector<std::string> countries = Countries(std::string_view(c).substr(2));
        if (!sc.rel_to_seen) {
          sc.rel_to = std::move(countries);
          sc.rel_to_seen = true;
        } else {
          std::erase_if(sc.rel_to, [&](const std::string& k) {
            return std::find(countries.begin(), countries.end(), k) == countries.end();
          });
        }
      } else if (std::find(sc.caveats.begin(), sc.caveats.end(), c) == sc.caveats.end()) {
        sc.caveats.push_back(std::move(c));
      }
    }
  }
}

std::vector<std::string> ReportMarking::Written(const Scheme& s) {
  std::vector<std::string> out = s.caveats;
  const bool noforn = std::find(out.begin(), out.end(), "//NOFORN") != out.end();
  if (!s.rel_to_seen || noforn) return out;
  std::vector<std::string> others;
  for (const std::string& k : s.rel_to) {
    if (k != "USA") others.push_back(k);
  }
  // No country but the USA common to every REL TO: releasable to no one.
  if (others.empty()) {
    out.push_back("//NOFORN");
    return out;
  }
  std::string rel = "//REL TO USA";
  for (const std::string& k : others) {
    rel += ", ";
    rel += k;
  }
  out.push_back(std::move(rel));
  return out;
}

std::string ReportMarking::Banner() const {
  std::vector<std::pair<std::string, const Scheme*>> schemes;
  for (const auto& [pack, s] : by_pack_) schemes.emplace_back(pack, &s);
  std::stable_sort(schemes.begin(), schemes.end(), [](const auto& a, const auto& b) {
    return std::tie(a.second->rank, a.second->word_rank) >
           std::tie(b.second->rank, b.second->word_rank);
  });
  std::string out;
  for (const auto& [pack, s] : schemes) {
    if (!out.empty()) out += " / ";
    std::string name = schemes.size() > 1 ? SchemeName(pack) : std::string();
    if (!name.empty() && !s->level.starts_with(name + " ")) {
      out += name;
      out += ' ';
    }
    out += s->level;
    for (const std::string& c : Written(*s)) out += c;
    if (!s->expiry_differs) out += s->expiry;
  }
  return out;
}

bool ReportMarking::Qualified() const {
  for (const auto& [pack, s] : by_pack_) {
    if (!Written(s).empty() || (!s.expiry_differs && !s.expiry.empty())) return true;
  }
  return false;
}

std::vector<std::string> ReportMarking::Caveats() const {
  std::vector<std::string> out;
  for (const auto& [pack, s] : by_pack_) {
    for (std::string& c : Written(s)) out.push_back(std::move(c));
  }
  return out;
}

bool ReportMarking::Carries(const std::string& c) const {
  const std::vector<std::string> mine = Caveats();
  if (c.starts_with("//REL TO")) {
    const std::vector<std::string> data = Countries(std::string_view(c).substr(2));
    for (const std::string& g : mine) {
      if (g == "//NOFORN") return true;
      if (!g.starts_with("//REL TO")) continue;
      for (const std::string& k : Countries(std::string_view(g).substr(2))) {
        if (std::find(data.begin(), data.end(), k) == data.end()) return false;
      }
      return true;
    }
    return false;
  }
  // A control the packs read on into the words after it ("//NOFORN
  // CAVEAT=SH:CABINET" from "TOP SECRET//SCI//NOFORN CAVEAT=SH:CABINET")
  // still carries its first word's category.
  const std::string want = Trim(c, " /[]()");
  return std::any_of(mine.begin(), mine.end(), [&](const std::string& g) {
    const std::string have = Trim(g, " /[]()");
    return have == want ||
           (have.starts_with(want) && (have[want.size()] == ' ' || have[want.size()] == ','));
  });
}

}  // namespace nearmiss::investigate
