#include "lookalike/permute.h"

#include <algorithm>
#include <cstddef>
#include <set>
#include <vector>

#include <unicode/unistr.h>

#include "address/idna.h"
#include "address/public_suffix.h"
#include "address/root_zone.h"
#include "lookalike/homoglyph_table.h"
#include "lookalike/keyboard.h"
#include "lookalike/visual_key.h"

namespace nearmiss::lookalike {
namespace {

constexpr std::string_view kLetters = "abcdefghijklmnopqrstuvwxyz0123456789";

// The glyph pairs a reader cannot tell apart (visual_key.h folds the same).
constexpr std::pair<std::string_view, std::string_view> kGlyphs[] = {
    {"o", "0"}, {"l", "1"}, {"i", "1"}, {"l", "i"}, {"m", "rn"}, {"w", "vv"}, {"d", "cl"},
};

// One-slip variants of `label`: left out, doubled, swapped, a neighbouring
// key typed for or beside a letter, a look-alike glyph.
void LabelSlips(std::string_view label, std::set<std::string>& out) {
  const size_t n = label.size();
  std::string s;
  for (size_t i = 0; i < n; ++i) {
    s.assign(label).erase(i, 1);
    out.insert(s);
    s.assign(label).insert(i, 1, label[i]);
    out.insert(s);
    if (i + 1 < n) {
      s.assign(label);
      std::swap(s[i], s[i + 1]);
      out.insert(s);
    }
    for (char c : kLetters) {
      if (c == label[i] || !KeysAdjacent(c, label[i])) continue;
      s.assign(label);
      s[i] = c;
      out.insert(s);
      s.assign(label).insert(i, 1, c);
      out.insert(s);
      s.assign(label).insert(i + 1, 1, c);
      out.insert(s);
    }
  }
  for (const auto& [a, b] : kGlyphs) {
    for (size_t at = label.find(a); at != std::string_view::npos; at = label.find(a, at + 1)) {
      s.assign(label).replace(at, a.size(), b);
      out.insert(s);
    }
    for (size_t at = label.find(b); at != std::string_view::npos; at = label.find(b, at + 1)) {
      s.assign(label).replace(at, b.size(), a);
      out.insert(s);
    }
  }
  for (size_t i = 1; i < n; ++i) {
    if (label[i - 1] != '-' && label[i] != '-') out.insert(std::string(label).insert(i, 1, '-'));
  }
  // A vowel for another (gmeil): check's label-typo, though the keys are
  // not neighbours.
  constexpr std::string_view kVowels = "aeiouy";
  for (size_t i = 0; i < n; ++i) {
    if (kVowels.find(label[i]) == std::string_view::npos) continue;
    for (char v : kVowels) {
      if (v == label[i]) continue;
      s.assign(label);
      s[i] = v;
      out.insert(s);
    }
  }
  // One bit flipped in memory or on the wire (gmaih for gmail: 'l' 0x6c,
  // 'h' 0x68), where the result is still a host name letter: bitsquat.
  for (size_t i = 0; i < n; ++i) {
    for (int bit = 0; bit < 8; ++bit) {
      const char c = static_cast<char>(label[i] ^ (1 << bit));
      if (kLetters.find(c) == std::string_view::npos && c != '-') continue;
      s.assign(label);
      s[i] = c;
      out.insert(s);
    }
  }
  std::erase_if(out, [](const std::string& v) {
    return v.empty() || v.front() == '-' || v.back() == '-';
  });
}

// `label` with one letter in a look-alike of another script or with a
// mark, each as its A-label (xn--rmy-5cd for аrmy): check's homoglyph
// class. The look-alikes are the ones check reads as that letter
// (homoglyph_table.h, from visual_key.h's AsciiLookalike): Cyrillic and
// Greek (а, α, ӏ), IPA and hooked Latin (ɡ, ɑ), accented (í, ḷ).
void ScriptSlips(std::string_view label, std::set<std::string>& out) {
  for (size_t i = 0; i < label.size(); ++i) {
    for (const std::string& glyph : HomoglyphsOf(label[i])) {
      std::string u(label);
      u.replace(i, 1, glyph);
      if (Result<std::string> a = address::ToAscii(u); a.ok() && *a != label) out.insert(std::move(*a));
    }
  }
}

// One-slip variants of an IDN label given as its A-label (xn--d1acpjx3f,
// яндекс), made on its code points and written back as A-labels: a letter
// left out, doubled, two swapped, an accented letter typed as its ASCII
// base (münchen -> munchen). Edits of the A-label's own letters are typed
// by no one. A variant IDNA refuses is dropped.
void UnicodeLabelSlips(std::string_view a_label, std::set<std::string>& out) {
  Result<std::string> u = address::ToUnicode(a_label);
  if (!u.ok()) return;
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(*u);
  std::vector<UChar32> cps;
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) cps.push_back(text.char32At(i));
  auto emit = [&](const std::vector<UChar32>& v) {
    if (v.empty()) return;
    icu::UnicodeString w;
    for (UChar32 c : v) w.append(c);
    std::string utf8;
    w.toUTF8String(utf8);
    if (Result<std::string> a = address::ToAscii(utf8); a.ok() && *a != a_label) out.insert(*a);
  };
  for (size_t i = 0; i < cps.size(); ++i) {
    std::vector<UChar32> v = cps;
    v.erase(v.begin() + static_cast<std::ptrdiff_t>(i));
    emit(v);
    v = cps;
    v.insert(v.begin() + static_cast<std::ptrdiff_t>(i), cps[i]);
    emit(v);
    if (i + 1 < cps.size()) {
      v = cps;
      std::swap(v[i], v[i + 1]);
      emit(v);
    }
    if (cps[i] >= 0x80) {
      icu::UnicodeString one(cps[i]);
      std::string utf8;
      one.toUTF8String(utf8);
      AsciiForm base = AsciiLookalike(utf8);
      if (base.all_ascii && base.text.size() == 1) {
        v = cps;
        v[i] = static_cast<UChar32>(base.text[0]);
        emit(v);
      }
    }
  }
}

// The label split in two by a dot (g.mail for gmail): dot-insertion.
void DotInsertions(std::string_view label, std::set<std::string>& out) {
  for (size_t i = 1; i < label.size(); ++i) {
    if (label[i - 1] == '-' || label[i] == '-') continue;
    std::string s(label);
    s.insert(i, 1, '.');
    out.insert(std::move(s));
  }
}

std::vector<std::string_view> Labels(std::string_view d) {
  std::vector<std::string_view> out;
  for (size_t start = 0;;) {
    size_t dot = d.find('.', start);
    out.push_back(d.substr(start, dot - start));
    if (dot == std::string_view::npos) return out;
    start = dot + 1;
  }
}

std::string JoinLabels(const std::vector<std::string_view>& labels, size_t from, size_t to) {
  std::string s;
  for (size_t i = from; i < to; ++i) {
    if (i > from) s += '.';
    s += labels[i];
  }
  return s;
}

// Slips of the suffix `suffix` (one label slipped, a confusion swapped, the
// whole cut short or lengthened), each with `name` put before it.
void SuffixSlips(std::string_view name, std::string_view suffix, const PermuteInput& in,
                 std::set<std::string>& out) {
  const std::string pre = name.empty() ? "" : std::string(name) + ".";
  std::vector<std::string_view> labels = Labels(suffix);
  for (size_t i = 0; i < labels.size(); ++i) {
    std::set<std::string> slips;
    if (labels[i].starts_with("xn--")) {
      UnicodeLabelSlips(labels[i], slips);  // рф, not its A-label's letters
    } else {
      LabelSlips(labels[i], slips);
    }
    for (const std::string& v : slips) {
      std::string s = pre + JoinLabels(labels, 0, i);
      if (i > 0) s += '.';
      s += v;
      if (i + 1 < labels.size()) {
        // Appended in two steps: `"." + string` trips GCC 12's -O3 -Wrestrict
        // false positive (GCC bug 105329) in the Release build.
        s += '.';
        s += JoinLabels(labels, i + 1, labels.size());
      }
      out.insert(s);
    }
  }
  // Any letter for or beside one of the TLD that makes a delegated TLD
  // (army.mit, army.ril for army.mil): check reads a TLD namespace's real
  // names under any TLD one edit away as slips, keys next to each other
  // or not.
  if (!name.empty() && !labels.back().starts_with("xn--")) {
    const std::string_view tld = labels.back();
    const std::string before = pre + JoinLabels(labels, 0, labels.size() - 1) +
                               (labels.size() > 1 ? "." : "");
    std::string v;
    for (size_t i = 0; i <= tld.size(); ++i) {
      for (char c = 'a'; c <= 'z'; ++c) {
        v.assign(tld).insert(i, 1, c);
        if (address::IsDelegatedTld(v)) out.insert(before + v);
        if (i == tld.size() || c == tld[i]) continue;
        v.assign(tld);
        v[i] = c;
        if (address::IsDelegatedTld(v)) out.insert(before + v);
      }
    }
  }
  for (const SuffixConfusion& c : in.confusions) {
    if (c.intended == suffix) out.insert(pre + c.typed);
  }
  if (labels.size() == 2) {
    // barclays.uk.co for barclays.co.uk: check's swapped labels.
    std::string swapped = pre;
    swapped.append(labels[1]).append(".").append(labels[0]);
    out.insert(std::move(swapped));
  }
  if (labels.size() > 1) {
    out.insert(pre + JoinLabels(labels, 0, labels.size() - 1));  // cba.com for cba.com.au
    out.insert(pre + JoinLabels(labels, 1, labels.size()));      // barclays.uk
  }
  if (!name.empty()) out.insert(pre + std::string(suffix) + ".com");  // army.mil.com
}

}  // namespace

std::vector<std::string> PermuteDomain(const PermuteInput& in) {
  std::set<std::string> out;
  std::string_view src = in.source;
  if (src.starts_with('.')) {
    // A namespace: its own slips, each a namespace, and the namespace with
    // an ending added (gov.uk.za, mil.com: check's suffix-append of every
    // name under it, hmrc.gov.uk.za; issue 15, breaker 15 round 6,
    // defect 4).
    const std::string_view ns = src.substr(1);
    SuffixSlips("", ns, in, out);
    for (const std::string& tld : in.country_tlds) out.insert(std::string(ns) + "." + tld);
    for (std::string_view generic : {"com", "net", "org"}) {
      out.insert(std::string(ns) + "." + std::string(generic));
    }
  } else {
    address::SuffixSplit split = address::SplitSuffix(src);
    std::string_view suffix = split.suffix;
    std::string_view name = src.size() > suffix.size() ? src.substr(0, src.size() - suffix.size() - 1)
                                                       : std::string_view();
    // A public suffix that is a mail domain (nic.in, gc.ca: the caller
    // gives only mail domains): its first label is the name, as check's
    // reading of nic.ib is "nic" under a slip of .in.
    if (name.empty() && src.find('.') != std::string_view::npos) {
      name = src.substr(0, src.find('.'));
      suffix = src.substr(name.size() + 1);
    }
    if (!name.empty()) {
      // Name slips in its last label (the registrable one).
      size_t dot = name.rfind('.');
      std::string_view head = dot == std::string_view::npos ? "" : name.substr(0, dot + 1);
      std::string_view reg = dot == std::string_view::npos ? name : name.substr(dot + 1);
      std::set<std::string> slips;
      if (reg.starts_with("xn--")) {
        UnicodeLabelSlips(reg, slips);
      } else {
        LabelSlips(reg, slips);
        ScriptSlips(reg, slips);
        DotInsertions(reg, slips);
      }
      for (const std::string& v : slips) out.insert(std::string(head) + v + "." + std::string(suffix));
      SuffixSlips(name, suffix, in, out);
      // A dot dropped or made a hyphen (usbank.com, us-bank.com).
      for (size_t at = src.find('.'); at != std::string_view::npos; at = src.find('.', at + 1)) {
        std::string s(src);
        s.erase(at, 1);
        if (s.find('.') != std::string::npos) out.insert(s);
        s.assign(src)[at] = '-';
        if (s.find('.') != std::string::npos) out.insert(s);
      }
      // The whole name run together under .com (armymil.com, army-mil.com),
      // and the domain with a confused ending added (army.mil.ml): what
      // check calls dot-omission and suffix-append.
      std::string run(src), hyphened(src);
      run.erase(std::remove(run.begin(), run.end(), '.'), run.end());
      std::replace(hyphened.begin(), hyphened.end(), '.', '-');
      out.insert(run + ".com");
      out.insert(hyphened + ".com");
      // The name with its dots left out and nothing added (gmailcom,
      // armymil, hmrcgovuk): check's dot-omission of a name of one label.
      out.insert(run);
      // A middle label dropped (hmrc.uk for hmrc.gov.uk, nzdf.nz for
      // nzdf.mil.nz, us.mil for us.army.mil): check's suffix-drop of a
      // zone's middle label (issue 15, round 36).
      const std::vector<std::string_view> labels = Labels(src);
      for (size_t drop = 1; drop + 1 < labels.size(); ++drop) {
        std::string d;
        for (size_t i = 0; i < labels.size(); ++i) {
          if (i == drop) continue;
          if (!d.empty()) d += '.';
          d += labels[i];
        }
        out.insert(std::move(d));
      }
      std::string_view last = suffix.substr(suffix.rfind('.') + 1);
      for (const SuffixConfusion& c : in.confusions) {
        if (c.intended == last) out.insert(std::string(src) + "." + c.typed);
      }
      for (const std::string& tld : in.country_tlds) {
        out.insert(std::string(reg) + "." + tld);
        // Under the country's commercial second levels the PSL lists
        // (gmail.co.za, seznam.com.mx): check's provider under another
        // country's zone.
        for (std::string_view open : {"co", "com", "net", "org"}) {
          std::string zone(open);
          zone.append(".").append(tld);
          if (address::IsListedSuffix(zone)) out.insert(std::string(reg) + "." + zone);
        }
        // The whole domain with a country's code added (barclays.co.uk.uk,
        // army.mil.de): check's suffix-append of any ending, written here
        // for each ccTLD and the three generic endings below.
        out.insert(std::string(src) + "." + tld);
        // The name in a country's open zone under a generic TLD
        // (gmail.uk.com, barclays.us.com): check's tld-swap, kept by the
        // caller only where the PSL's private section has that zone.
        for (std::string_view generic : {"com", "net", "org"}) {
          std::string z = std::string(reg) + "." + tld;
          z += '.';
          z += generic;
          out.insert(std::move(z));
        }
      }
      // The name under the generic TLDs people put for one another (gmail.net,
      // gmail.info for gmail.com; nato.org for nato.int): check's tld-swap
      // of a provider or a declared name (detector_generic_tld.cc), kept by
      // the caller only where check flags it (issue 15, round 41, item 5).
      if (suffix.find('.') == std::string_view::npos) {
        for (std::string_view generic : {"com", "net", "org", "int", "info", "biz", "email",
                                         "online", "site", "xyz", "app", "top"}) {
          if (generic == suffix) continue;
          std::string g(name);
          g += '.';
          g += generic;
          out.insert(std::move(g));
        }
      }
      // A dot moved one letter left or right (gmai.lcom, gmailc.om): check's
      // dot-insertion and undelegated readings of the same slip.
      for (size_t at = src.find('.'); at != std::string_view::npos; at = src.find('.', at + 1)) {
        std::string s(src);
        if (at > 1 && src[at - 2] != '.') {
          std::swap(s[at - 1], s[at]);
          out.insert(s);
          s.assign(src);
        }
        // The label after keeps two letters or more (no webd.e).
        const size_t next = src.find('.', at + 1);
        const size_t after = (next == std::string_view::npos ? src.size() : next) - at - 1;
        if (after >= 3) {
          std::swap(s[at], s[at + 1]);
          out.insert(s);
        }
      }
      // The name in every open zone of the PSL's private section (gmail.msk.ru,
      // gmail.com.de): a registry of its own where anyone takes any name.
      for (const std::string& zone : in.open_zones) out.insert(std::string(reg) + "." + zone);
      out.insert(std::string(src) + ".net");
      out.insert(std::string(src) + ".org");
      // The TLD in another script (gmail.ком for gmail.com), as A-labels.
      if (suffix.find('.') == std::string_view::npos) {
        for (std::string_view form : address::FormsOfTld(suffix)) {
          std::string f = std::string(name) + ".";
          f += form;
          out.insert(std::move(f));
        }
      }
    }
  }
  out.erase(std::string(src));
  std::erase_if(out, [](const std::string& s) {
    return s.empty() || s.front() == '.' || s.back() == '.' || s.find("..") != std::string::npos;
  });
  return {out.begin(), out.end()};
}

}  // namespace nearmiss::lookalike
