// A domain typed with the Russian (ЙЦУКЕН) keyboard layout switched on:
// пьфшдюсщь is gmail.com, нфтвучюкг yandex.ru, фкьнюьшд army.mil, the keys
// a QWERTY reader presses, each giving its Cyrillic letter (ЙЦУКЕН, the
// standard Russian layout of Windows, macOS and X11's "ru"; Ukrainian's
// і on the key of ы). No generator makes this slip, and Russian and Ukrainian senders make it often (round
// 56's tester 15, finding 6). The name read back under QWERTY is offered
// only when the lists hold it (trusted, protected, a known name under a
// namespace, a real mail domain): a real Cyrillic domain (почта.рф,
// яндекс.рф) reads back as letters no list holds and stays as it is.
#include <string>
#include <string_view>

#include "lookalike/detector.h"
#include "lookalike/domain_labels.h"
#include "nearmiss/address.h"

namespace nearmiss::lookalike {
namespace {

// The QWERTY key of each ЙЦУКЕН letter, lower case: UTF-8 of U+0430..U+044F
// (а..я) and of і, ї, є, ё. The letters on the punctuation keys (х [, ъ ],
// ж ;, э ', ё `, ї ], є ') make no domain and are left out; б is the ','
// key and ю the '.' key, both read as the dot (a comma typed for a dot is
// a slip of its own: invalid_repairs.h).
struct LayoutKey {
  std::string_view cyrillic;
  char latin;
};
constexpr LayoutKey kKeys[] = {
    {"й", 'q'}, {"ц", 'w'}, {"у", 'e'}, {"к", 'r'}, {"е", 't'}, {"н", 'y'}, {"г", 'u'},
    {"ш", 'i'}, {"щ", 'o'}, {"з", 'p'}, {"ф", 'a'}, {"ы", 's'}, {"і", 's'}, {"в", 'd'},
    {"а", 'f'}, {"п", 'g'}, {"р", 'h'}, {"о", 'j'}, {"л", 'k'}, {"д", 'l'}, {"я", 'z'},
    {"ч", 'x'}, {"с", 'c'}, {"м", 'v'}, {"и", 'b'}, {"т", 'n'}, {"ь", 'm'}, {"б", '.'},
    {"ю", '.'},
};

// `label` (UTF-8) read key for key: "" unless every character is a
// ЙЦУКЕН letter of kKeys.
std::string LabelUnderQwerty(std::string_view label) {
  std::string out;
  while (!label.empty()) {
    bool found = false;
    for (const LayoutKey& k : kKeys) {
      if (label.starts_with(k.cyrillic)) {
        out += k.latin;
        label.remove_prefix(k.cyrillic.size());
        found = true;
        break;
      }
    }
    if (!found) return "";
  }
  return out;
}

// `unicode` with each label that is wholly ЙЦУКЕН letters read under
// QWERTY, the others (ASCII) kept: "gmail.com" for "пьфшд.com"; "" when no
// label is read so, or one is neither.
std::string RussianLayoutReading(std::string_view unicode) {
  std::string out;
  bool mapped = false;
  while (true) {
    const size_t dot = unicode.find('.');
    const std::string_view label = unicode.substr(0, dot);
    const bool ascii = label.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") ==
                       std::string_view::npos;
    if (ascii) {
      out.append(label);
    } else {
      std::string latin = LabelUnderQwerty(label);
      if (latin.empty()) return "";
      out += latin;
      mapped = true;
    }
    if (dot == std::string_view::npos) break;
    out += '.';
    unicode.remove_prefix(dot + 1);
  }
  return mapped ? out : "";
}

}  // namespace

bool DetectorImpl::RussianLayoutSlip(const Domain& d, LookalikeMatch& m) const {
  if (m.kind != LookalikeMatch::Kind::kNone || d.ascii.find("xn--") == std::string::npos) return false;
  const std::string latin = RussianLayoutReading(d.unicode);
  if (latin.empty()) return false;
  Result<Domain> plain = ParseDomain(latin);
  if (!plain.ok()) return false;
  const std::string& meant = plain->ascii;
  // A name the lists hold: listed itself, a known name under a namespace
  // (army.mil under .mil), or a real mail domain no list trusts.
  TrustSource source = TrustSource::kNone;
  if (const std::optional<uint32_t> id = set_.TrustedBy(meant)) {
    const Entry& e = set_[*id];
    if (e.is_namespace && e.domain != meant && !NameOrParentKnown(meant)) return false;
    source = e.source;
  } else if (!ListedRealDomain(*plain)) {
    return false;
  }
  m.kind = LookalikeMatch::Kind::kLookalike;
  m.code = ReasonCode::kLabelTypo;
  m.source = source;
  m.target = meant;
  m.resembles = meant;
  m.target_domain_for_suggestion = meant;
  m.alternative_suggestion.clear();
  m.detail = "it is " + meant + " typed with a Russian keyboard layout (ЙЦУКЕН) switched on";
  m.score = 0.95;
  return true;
}

}  // namespace nearmiss::lookalike
