// Classifying one recipient domain: trusted, a look-alike, or neither.
#include <algorithm>

#include "address/public_suffix.h"
#include "address/root_zone.h"
#include "lookalike/deletions.h"
#include "lookalike/detector.h"
#include "lookalike/edit.h"
#include "lookalike/visual_key.h"

namespace nearmiss::lookalike {
namespace {

std::string_view LastLabel(std::string_view s) {
  size_t dot = s.rfind('.');
  return dot == std::string_view::npos ? s : s.substr(dot + 1);
}

// Splits `d` into head and its last `k` labels; false if there is no head.
bool SplitTail(std::string_view d, size_t k, std::string_view& head, std::string_view& tail) {
  size_t cut = d.size();
  for (size_t i = 0; i < k; ++i) {
    if (cut == 0) return false;
    cut = d.rfind('.', cut - 1);
    if (cut == std::string_view::npos) return false;
  }
  head = d.substr(0, cut);
  tail = d.substr(cut + 1);
  return !head.empty();
}

// The last `n` labels of `s` (all of it when it has fewer).
std::string_view LastLabels(std::string_view s, size_t n) {
  size_t cut = s.size();
  for (size_t i = 0; i < n; ++i) {
    if (cut == 0) return s;
    cut = s.rfind('.', cut - 1);
    if (cut == std::string_view::npos) return s;
  }
  return s.substr(cut + 1);
}

size_t LabelCount(std::string_view s) { return std::count(s.begin(), s.end(), '.') + 1; }

// The registrable-level name under a trusted entry: for a namespace one
// label more than the namespace ("army.mil" of "hr.army.mil").
std::string TargetUnder(const Entry& e, std::string_view covered) {
  if (!e.is_namespace) return e.domain;
  return std::string(LastLabels(covered, LabelCount(e.domain) + 1));
}

std::string Join(std::string_view a, std::string_view b) {
  std::string s(a);
  s += b;
  return s;
}

// "the TLD .ml is missing an 'i'", "the suffix .com.ua has 'ua' where ..."
std::string SuffixDetail(std::string_view typed, std::string_view intended) {
  bool tld = typed.find('.') == std::string_view::npos &&
             intended.find('.') == std::string_view::npos;
  std::string what = Join(tld ? "the TLD ." : "the ending .", typed);
  Edit e = DescribeEdit(typed, intended);
  if (e.kind == EditKind::kOther) return what + " stands where ." + std::string(intended) + " belongs";
  return what + " " + e.detail;
}

ReasonCode CodeFor(EditKind kind) {
  switch (kind) {
    case EditKind::kDotDropped:
    case EditKind::kDotAsHyphen: return ReasonCode::kDotOmission;
    case EditKind::kDotAdded: return ReasonCode::kDotInsertion;
    case EditKind::kHyphenAdded:
    case EditKind::kHyphenDropped: return ReasonCode::kHyphenation;
    case EditKind::kBitFlip: return ReasonCode::kBitsquat;
    default: return ReasonCode::kLabelTypo;
  }
}

// Organisation and protected domains are the ones an organisation names
// itself: its senders aim at them far more often than at an arbitrary
// provider, so a near miss of one is more likely a slip.
bool Declared(TrustSource s) {
  return s == TrustSource::kOrganisation || s == TrustSource::kProtected;
}

// How sure we are that one edit of a name `len` letters long is a slip.
// Short names have many real neighbours, so one edit there says less, unless
// the name is one the organisation declared (see Declared).
// True when `typed` is `intended` with one of a doubled letter left out
// ("at" for "att"): as common a slip as a doubled key.
bool DoubledLetterDropped(std::string_view typed, std::string_view intended) {
  if (typed.size() + 1 != intended.size()) return false;
  for (size_t i = 0; i + 1 < intended.size(); ++i) {
    if (intended[i] == intended[i + 1] && typed.substr(0, i) == intended.substr(0, i) &&
        typed.substr(i) == intended.substr(i + 1)) {
      return true;
    }
  }
  return false;
}

double TypoScore(size_t len, const Edit& e, bool declared, bool doubled_dropped = false) {
  switch (e.kind) {
    case EditKind::kDotDropped:
    case EditKind::kDotAdded:
    case EditKind::kDotAsHyphen: return 0.85;
    case EditKind::kHyphenAdded:
    case EditKind::kHyphenDropped: return 0.8;
    default: break;
  }
  if (len <= 2) return 0.3;  // me.com, pm.me: every neighbour is real
  double score = len <= 3 ? 0.45 : len == 4 ? 0.55 : len == 5 ? 0.65 : 0.8;
  if (declared && len <= 4) score += 0.1;
  if (e.adjacent_keys || e.kind == EditKind::kTransposition || e.kind == EditKind::kRepetition ||
      doubled_dropped) {
    score += 0.1;
  }
  return std::min(score, 0.97);
}

// True when `typed` and `intended` differ only by the strongest glyph
// confusions (0/o, 1/l/i, rn/m, vv/w): a reader cannot tell them apart.
bool StrongGlyphs(std::string_view typed, std::string_view intended) {
  auto strong = [](char c) {
    switch (c) {
      case '0': return 'o';
      case '1': case 'i': case '|': return 'l';
      default: return c;
    }
  };
  if (typed.size() != intended.size()) return false;  // pairs: not one letter
  for (size_t i = 0; i < typed.size(); ++i) {
    if (strong(typed[i]) != strong(intended[i])) return false;
  }
  return true;
}

// The endings people add out of habit to a name they typed without its own.
bool IsHabitualSuffix(std::string_view s) { return s == "com" || s == "net" || s == "org"; }

bool AllLetters(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}


// 1 when `typed` is `intended` with one dot removed, 2 when with one dot
// made a hyphen, 0 otherwise.
int DotJoin(std::string_view typed, std::string_view intended) {
  if (typed.size() == intended.size()) {
    size_t diff = 0, at = 0;
    for (size_t i = 0; i < typed.size(); ++i) {
      if (typed[i] != intended[i]) ++diff, at = i;
    }
    return diff == 1 && typed[at] == '-' && intended[at] == '.' ? 2 : 0;
  }
  if (typed.size() + 1 != intended.size()) return 0;
  size_t p = 0;
  while (p < typed.size() && typed[p] == intended[p]) ++p;
  return intended[p] == '.' && typed.substr(p) == intended.substr(p + 1) ? 1 : 0;
}

// Fills `q` in place: its views may point into q.look_storage.
void MakeQuery(const Domain& d, Query& q) {
  q.domain = &d;
  std::string_view ascii = d.ascii;
  if (!d.suffix.empty() && ascii.size() > d.suffix.size() + 1) {
    q.name = ascii.substr(0, ascii.size() - d.suffix.size() - 1);
  }
  q.reg_label = LastLabel(q.name);
  q.prefix = q.name.substr(0, q.name.size() - q.reg_label.size());
  q.idn = d.unicode != d.ascii && !d.unicode.empty();
  if (!q.idn) {
    q.look_name = q.name;
  } else {
    // Same number of labels in both forms: cut the suffix's labels off.
    std::string_view uni = d.unicode;
    size_t suffix_labels = std::count(d.suffix.begin(), d.suffix.end(), '.') + 1;
    size_t cut = uni.size();
    for (size_t i = 0; i < suffix_labels && cut != std::string_view::npos && cut > 0; ++i) {
      cut = uni.rfind('.', cut - 1);
    }
    if (cut != std::string_view::npos) q.look_storage = AsciiLookalike(uni.substr(0, cut)).text;
    q.look_name = q.look_storage;
  }
  q.look_reg_label = LastLabel(q.look_name);
}

}  // namespace

const SuffixConfusion* DetectorImpl::Confusion(std::string_view typed,
                                               std::string_view intended) const {
  std::string key = Join(typed, std::string_view("\0", 1));
  key += intended;
  auto it = confusions_.find(key);
  return it == confusions_.end() ? nullptr : &it->second;
}

void DetectorImpl::Offer(Candidate c, Best& best) const {
  constexpr double kEpsilon = 1e-9;
  bool better = c.score >= best.score - kEpsilon;
  if (better && c.score <= best.score + kEpsilon && best.code.has_value()) {
    int a = TrustStrength(set_[c.id].source), b = TrustStrength(set_[best.id].source);
    // Then the earlier entry: lists name the biggest domains first (gmail
    // before email), and the biggest is the likelier intent.
    if (a > b || (a == b && c.id >= best.id)) better = false;
  }
  // The runner-up with another target is kept: when it is about as likely
  // (yahoo.com.t: .tr or .tw), the sender is offered both.
  if (!better) {
    if (c.code && c.target != best.target && c.score > best.alt_score) {
      best.alt_score = c.score;
      best.alt_target = std::move(c.target);
      best.alt_suggestion = std::move(c.suggestion);
    }
    return;
  }
  if (best.code && best.target != c.target && best.score > best.alt_score) {
    best.alt_score = best.score;
    best.alt_target = std::move(best.target);
    best.alt_suggestion = std::move(best.suggestion);
  } else if (best.alt_target == c.target) {
    best.alt_score = 0;
    best.alt_target.clear();
    best.alt_suggestion.clear();
  }
  static_cast<Candidate&>(best) = std::move(c);
}

void DetectorImpl::SuffixCandidates(const Query& q, Best& best) const {
  std::string_view dsuf = q.domain->suffix;
  auto try_name = [&](std::string_view name, std::string_view prefix) {
    by_name_.Find(HashKey(name), [&](uint32_t id) {
      const Entry& e = set_[id];
      std::string_view tsuf = e.suffix();
      if (e.name() != name || tsuf == dsuf) return;
      Candidate c{id, std::nullopt, "", e.domain, Join(prefix, e.domain), 0};
      int dist = BoundedDamerau(dsuf, tsuf, 1);
      // The name under another suffix that really exists (yahoo.com.es,
      // hotmail.kz, terra.com): for a public provider that is its regional
      // sister or a local namesake, not a slip. The organisation's own and
      // protected names have no such sisters, so there it stays suspect.
      const bool sister = address::IsListedSuffix(dsuf);
      const double sister_score = Declared(e.source) ? 0.6 : 0.45;
      if (const SuffixConfusion* conf = Confusion(dsuf, tsuf)) {
        c.code = dist <= 1 ? ReasonCode::kSuffixEdit : ReasonCode::kTldSwap;
        c.detail = SuffixDetail(dsuf, tsuf) + "; " + conf->note;
        c.score = 0.95;
      } else if (dist == 1) {
        c.code = ReasonCode::kSuffixEdit;
        c.detail = SuffixDetail(dsuf, tsuf);
        // Both real suffixes (example.de, example.dk): often a sister site.
        // Except one letter off the ending nearly everyone types (outlook.cm):
        // there the slip is likelier than a sister.
        c.score = sister && !IsHabitualSuffix(tsuf) ? sister_score : 0.85;
      } else if (tsuf.ends_with(Join(".", dsuf))) {
        c.code = ReasonCode::kSuffixDrop;
        c.detail = "the ." + std::string(tsuf.substr(0, tsuf.size() - dsuf.size() - 1)) +
                   " of ." + std::string(tsuf) + " is missing";
        c.score = sister && !Declared(e.source) ? sister_score : 0.8;
      } else if (tsuf.starts_with(Join(dsuf, "."))) {
        c.code = ReasonCode::kSuffixTruncate;
        c.detail = "the ending ." + std::string(tsuf) + " is cut short to ." + std::string(dsuf);
        c.score = sister && !Declared(e.source) ? sister_score : 0.85;
      } else if (dsuf.starts_with(Join(tsuf, "."))) {
        c.code = ReasonCode::kSuffixAppend;
        c.detail = "has ." + std::string(dsuf.substr(tsuf.size() + 1)) + " added after ." +
                   std::string(tsuf);
        c.score = sister && !Declared(e.source) ? sister_score : 0.8;
      } else {
        return;
      }
      Offer(std::move(c), best);
    });
  };
  try_name(q.name, "");
  if (q.reg_label != q.name) try_name(q.reg_label, q.prefix);
}

void DetectorImpl::NamespaceCandidates(const Query& q, Best& best) const {
  std::string_view ascii = q.domain->ascii;
  for (uint32_t id : set_.namespaces()) {
    std::string_view ns = set_[id].domain;
    size_t k = std::count(ns.begin(), ns.end(), '.') + 1;
    std::string_view head, tail;
    if (SplitTail(ascii, k, head, tail) && tail != ns) {
      const SuffixConfusion* conf = Confusion(tail, ns);
      int dist = BoundedDamerau(tail, ns, 1);
      // A one-letter change into another real namespace (qc.ca for gc.ca)
      // is a different government, not a slip, unless people are known to
      // confuse the two (ml for mil).
      // A TLD outside the root zone is a suffix only by libpsl's "*" rule:
      // nothing is registered under it (army.mik).
      const bool delegated = address::HasDelegatedTld(tail);
      // "mail.mil.ml" is not "mail.mil.mil": a name that repeats the
      // namespace's first label is no domain anyone has (see AppendCandidates).
      std::string_view name_label = LastLabel(head);
      const bool repeats = name_label == ns.substr(0, ns.find('.'));
      if (!repeats && (conf != nullptr || (dist == 1 && (!IsPublicSuffix(tail) || !delegated)))) {
        std::string target = Join(name_label, ".");
        target += ns;
        Candidate c{id, dist <= 1 ? ReasonCode::kSuffixEdit : ReasonCode::kTldSwap, SuffixDetail(tail, ns),
                    target, Join(head, ".") + std::string(ns), conf ? 0.95 : 0.9};
        if (conf) c.detail += "; " + conf->note;
        Offer(std::move(c), best);
      }
    }
    // "dodmil.com", "army-mil.com": the namespace run into the name.
    std::string flat(ns);
    flat.erase(std::remove(flat.begin(), flat.end(), '.'), flat.end());
    std::string_view reg = q.reg_label;
    if (reg.size() <= flat.size() || !reg.ends_with(flat)) continue;
    std::string_view stem = reg.substr(0, reg.size() - flat.size());
    bool hyphen = stem.ends_with('-');
    if (hyphen) stem.remove_suffix(1);
    if (stem.size() < (hyphen ? 2u : 3u) || stem.ends_with('-')) continue;
    // Only the habitual generic endings, and a stem of plain letters: the
    // slip is "dodmil.com"; "goldtamil.info" and "99gamil.com" are words.
    if (!IsHabitualSuffix(q.domain->suffix) || !AllLetters(stem)) continue;
    std::string target = Join(stem, ".") + std::string(ns);
    std::string detail = hyphen ? "has a hyphen where the dot before '" + flat + "' belongs"
                                : "is missing the dot before '" + flat + "'";
    detail += " and ends in ." + q.domain->suffix;
    Offer({id, ReasonCode::kDotOmission, detail, target, Join(q.prefix, target), 0.7}, best);
  }
}

void DetectorImpl::MultiLabelSuffixCandidates(const Query& q, Best& best) const {
  std::string_view ascii = q.domain->ascii;
  for (size_t k = 2; k <= 3; ++k) {
    std::string_view head, tail;
    if (!SplitTail(ascii, k, head, tail) || tail == q.domain->suffix) continue;
    // A real suffix of its own (co.ua for co.uk) is a sister, which
    // SuffixCandidates judges on the query's own split. Asked only once a
    // name matches: most queries never get that far.
    int real_tail = -1;
    auto try_name = [&](std::string_view name, std::string_view prefix) {
      by_name_.Find(HashKey(name), [&](uint32_t id) {
        const Entry& e = set_[id];
        std::string_view tsuf = e.suffix();
        if (e.name() != name || LabelCount(tsuf) != k || tsuf == tail) return;
        if (BoundedDamerau(tail, tsuf, 1) != 1) return;
        if (real_tail < 0) {
          real_tail = address::IsListedSuffix(tail) && address::HasDelegatedTld(tail) ? 1 : 0;
        }
        if (real_tail == 1) return;
        Offer({id, ReasonCode::kSuffixEdit, SuffixDetail(tail, tsuf), e.domain,
               Join(prefix, e.domain), 0.9},
              best);
      });
    };
    try_name(head, "");
    std::string_view reg = LastLabel(head);
    if (reg != head) try_name(reg, head.substr(0, head.size() - reg.size()));
  }
}

void DetectorImpl::FamilyCandidates(const Query& q, Best& best) const {
  if (families_.empty()) return;
  auto it = families_.find(std::string(q.reg_label));
  if (it == families_.end()) return;
  const ProviderFamily& f = it->second;
  std::string_view dsuf = q.domain->suffix;
  std::string_view tld = LastLabel(dsuf);
  // Only a real country-code suffix: gmail.ru, seznam.cy, yahoo.com.cy. A
  // name under a generic TLD is left to the other classes.
  if (tld.size() != 2 || !address::HasDelegatedTld(tld) || !address::IsListedSuffix(dsuf)) {
    return;
  }
  if (family_domains_.contains(std::string(q.domain->registrable))) return;
  // A known confusion of one of its own suffixes (gmx.co: .co for .com) is
  // that domain's slip, which SuffixCandidates names better.
  for (const std::string& own : f.domains) {
    if (own.size() > f.name.size() + 1 && own.starts_with(f.name) && own[f.name.size()] == '.' &&
        Confusion(dsuf, std::string_view(own).substr(f.name.size() + 1)) != nullptr) {
      return;
    }
  }
  if (f.home.size() > f.name.size() + 1 &&
      Confusion(dsuf, std::string_view(f.home).substr(f.name.size() + 1)) != nullptr) {
    return;
  }
  auto home = set_.Exact(f.home);
  if (!home) return;  // the provider list is off: nothing to protect
  Offer({*home, ReasonCode::kTldSwap,
         "the provider " + f.name + " has no domain under ." + std::string(dsuf), f.home,
         Join(q.prefix, f.home), 0.96},
        best);
}

void DetectorImpl::AppendCandidates(const Query& q, Best& best) const {
  if (q.name.find('.') == std::string_view::npos) return;
  auto id = set_.TrustedBy(q.name);
  if (!id) return;
  const Entry& e = set_[*id];
  Offer({*id, ReasonCode::kSuffixAppend, "has ." + q.domain->suffix + " added at the end",
         TargetUnder(e, q.name),
         std::string(q.name), 0.85},
        best);
}

void DetectorImpl::JoinedCandidates(const Query& q, Best& best) const {
  const Domain& d = *q.domain;
  auto try_string = [&](std::string_view typed, std::string_view prefix, std::string_view extra_tld) {
    joined_.Find(HashKey(typed), [&](uint32_t id) {
      const Entry& e = set_[id];
      int join = DotJoin(typed, e.domain);
      if (join == 0) return;
      size_t at = 0;
      while (at < typed.size() && typed[at] == e.domain[at]) ++at;
      std::string left(e.domain.substr(0, at));
      std::string right(e.domain.substr(at + 1, e.domain.find('.', at + 1) - at - 1));
      std::string detail = join == 1 ? "is missing the dot between '" + std::string(LastLabel(left)) +
                                           "' and '" + right + "'"
                                     : "has a hyphen where the dot between '" +
                                           std::string(LastLabel(left)) + "' and '" + right +
                                           "' belongs";
      if (!extra_tld.empty()) detail += " and ends in an extra ." + std::string(extra_tld);
      Offer({id, ReasonCode::kDotOmission, detail, e.domain, Join(prefix, e.domain),
             extra_tld.empty() ? 0.85 : 0.75},
            best);
    });
  };
  try_string(d.ascii, "", "");
  if (!d.registrable.empty() && d.registrable != d.ascii) try_string(d.registrable, q.prefix, "");
  try_string(q.name, "", d.suffix);
}

void DetectorImpl::HostLabelCandidates(const Query& q, Best& best) const {
  host_.Find(HashKey(q.reg_label), [&](uint32_t id) {
    const Entry& e = set_[id];
    std::string_view first = e.name().substr(0, e.name().find('.'));
    if (first != q.reg_label) return;
    Offer({id, ReasonCode::kDotOmission,
           "uses '" + std::string(first) + "', a host of " + e.domain +
               ", as if it were a domain of its own",
           e.domain, Join(q.prefix, e.domain), 0.75},
          best);
  });
}

void DetectorImpl::TypoCandidatesFor(const Query& q, std::string_view look,
                                     std::string_view prefix, Best& best) const {
  if (look.empty() || look.size() >= 256) return;
  std::string qkey = VisualKey(look);
  const std::string& dsuf = q.domain->suffix;
  const size_t l2 = options_.distance2_min_length;
  // A query two letters shorter than a long name may still be two edits away.
  auto depth = [&](size_t len) { return len + 2 >= l2 ? 2 : 1; };
  const uint64_t suffix_hash = HashKey(dsuf);
  std::vector<uint64_t> keys;
  auto add = [&](uint64_t key) { keys.push_back(key); };
  ForEachDeletionKey(qkey, depth(qkey.size()), suffix_hash, add);
  // The spelling's keys, letter-folded as the index holds them
  // (detector_build.cc): the same as qkey unless a folded pair is in it.
  std::string folded = FoldLetters(look);
  if (qkey != folded) ForEachDeletionKey(folded, depth(folded.size()), suffix_hash, add);
  std::vector<uint32_t> ids;
  typo_.FindMany(keys.data(), keys.size(), [&](uint32_t id) { ids.push_back(id); });
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  for (uint32_t id : ids) {
    const Entry& e = set_[id];
    if (e.suffix() != dsuf) continue;
    std::string tlook = EntryLookName(e);
    std::string tkey = VisualKey(tlook);
    int key_limit = DeletionDepth(tkey.size()), look_limit = DeletionDepth(tlook.size());
    int kd = BoundedDamerau(qkey, tkey, key_limit);
    int ld = BoundedDamerau(look, tlook, look_limit);
    if (kd > key_limit && ld > look_limit) continue;
    std::string_view traw = e.name();
    Edit edit = DescribeEdit(look, tlook);
    // Same name, plain ASCII: a subdomain of a provider, not a look-alike.
    if (edit.kind == EditKind::kNone && !q.idn) continue;
    const bool declared = Declared(e.source);
    Candidate c{id, std::nullopt, "", e.domain, Join(prefix, e.domain), 0};
    if (edit.kind == EditKind::kNone) {
      c.code = ReasonCode::kHomoglyph;
      c.detail = "uses look-alike characters";
      c.score = 0.95;
    } else if (kd == 0 && edit.kind != EditKind::kOther && !StrongGlyphs(look, tlook)) {
      // One letter for a weaker look-alike (b/d, c/e): as sure as the same
      // slip typed; "bell" for "dell" says no more than "tell" does.
      c.code = ReasonCode::kHomoglyph;
      c.detail = "has a look-alike letter ('" + std::string(look) + "' for '" +
                 std::string(tlook) + "')";
      c.score = TypoScore(tlook.size(), edit, declared);
    } else if (kd == 0) {
      c.code = ReasonCode::kHomoglyph;
      c.detail = "is spelled with look-alike letters ('" + std::string(look) + "' for '" +
                 std::string(traw) + "')";
      c.score = q.idn ? 0.95 : 0.9;
    } else if (edit.kind != EditKind::kOther) {
      c.code = CodeFor(edit.kind);
      c.detail = edit.detail;
      c.score = TypoScore(tlook.size(), edit, declared, DoubledLetterDropped(look, tlook));
    } else if (kd == 1) {
      c.code = ReasonCode::kHomoglyph;
      c.detail = "mixes look-alike letters with a typo ('" + std::string(look) + "' for '" +
                 std::string(traw) + "')";
      // In a short name a look-alike plus a slip reaches too many real
      // neighbours ("rr" is two edits of "me") unless the name is declared.
      c.score = tkey.size() >= 5 ? 0.7 : declared ? 0.55 : 0.45;
    } else {
      c.code = ReasonCode::kLabelTypo;
      c.detail = "differs in two places ('" + std::string(look) + "' for '" + std::string(traw) + "')";
      c.score = 0.6;
    }
    if (q.idn && c.code != ReasonCode::kHomoglyph) c.detail += ", and uses non-Latin look-alike letters";
    Offer(std::move(c), best);
  }
}

void DetectorImpl::TypoCandidates(const Query& q, Best& best) const {
  TypoCandidatesFor(q, q.look_name, "", best);
  if (q.look_reg_label != q.look_name) TypoCandidatesFor(q, q.look_reg_label, q.prefix, best);
}

LookalikeMatch DetectorImpl::Classify(const Domain& d) const {
  LookalikeMatch m;
  if (d.ascii.empty()) return m;
  Query q;
  MakeQuery(d, q);
  // Every index below is read at a random place; in a big trusted set each
  // read waits for main memory. Start all the loads now so they overlap.
  set_.Prefetch(d.ascii);
  if (!q.name.empty()) {
    set_.Prefetch(q.name);
    by_name_.Prefetch(HashKey(q.name));
    by_name_.Prefetch(HashKey(q.reg_label));
    joined_.Prefetch(HashKey(d.ascii));
    joined_.Prefetch(HashKey(d.registrable));
    joined_.Prefetch(HashKey(q.name));
    host_.Prefetch(HashKey(q.reg_label));
  }
  // A homoglyph of a trusted name counts even inside a trusted namespace:
  // no one registers Cyrillic names under .mil.
  if (q.idn) {
    AsciiForm look = AsciiLookalike(d.unicode);
    if (look.changed && look.all_ascii && look.text != d.ascii) {
      if (auto id = set_.TrustedBy(look.text)) {
        m.kind = LookalikeMatch::Kind::kLookalike;
        m.target = TargetUnder(set_[*id], look.text);
        m.target_domain_for_suggestion = look.text;
        m.source = set_[*id].source;
        m.code = ReasonCode::kHomoglyph;
        m.resembles = look.text;
        m.detail = "it uses " + look.first_change;
        m.score = 0.98;
        return m;
      }
    }
  }
  // Trusted: the common answer at RCPT time, given without allocating.
  if (auto id = set_.TrustedBy(d.ascii)) {
    const Entry& e = set_[*id];
    m.kind = LookalikeMatch::Kind::kTrusted;
    m.source = e.source;
    m.code = ReasonCode::kTrusted;
    m.trusted_entry = e.domain;
    m.trusted_namespace = e.is_namespace;
    return m;
  }
  if (q.name.empty()) return m;
  Best best;
  SuffixCandidates(q, best);
  MultiLabelSuffixCandidates(q, best);
  FamilyCandidates(q, best);
  NamespaceCandidates(q, best);
  AppendCandidates(q, best);
  JoinedCandidates(q, best);
  HostLabelCandidates(q, best);
  TypoCandidates(q, best);
  if (!best.code || best.score < options_.threshold) return m;
  // A real mail domain is not a slip, however close (mailo.com, mail.com):
  // say what it is and let the policy decide. Names the organisation
  // declared itself stay look-alikes.
  if (!real_domains_.empty() && !Declared(set_[best.id].source)) {
    auto real = real_domains_.find(std::string(d.registrable.empty() ? d.ascii : d.registrable));
    if (real != real_domains_.end()) {
      m.code = ReasonCode::kRealNeighbour;
      m.source = set_[best.id].source;
      m.target = best.target;
      m.resembles = best.target;
      m.detail = real->second;
      return m;
    }
  }
  // A slip into a TLD the root zone does not have: say so, it is the
  // strongest sign (hotmail.con, barclays.co.ul, army.mik).
  if (!address::HasDelegatedTld(d.ascii) &&
      (*best.code == ReasonCode::kSuffixEdit || *best.code == ReasonCode::kTldSwap)) {
    std::string tld = "the TLD ." + std::string(LastLabel(d.ascii));
    // "the TLD .mik has 'k' where 'l' belongs" says the TLD once.
    best.detail = best.detail.starts_with(tld + " ")
                      ? tld + " does not exist and" + best.detail.substr(tld.size())
                      : tld + " does not exist; " + best.detail;
    best.code = ReasonCode::kTldNotDelegated;
  }
  m.kind = LookalikeMatch::Kind::kLookalike;
  // Two targets within this of each other are both offered.
  constexpr double kClose = 0.05;
  if (!best.alt_suggestion.empty() && best.alt_score >= best.score - kClose &&
      best.alt_score >= options_.threshold) {
    m.alternative_suggestion = std::move(best.alt_suggestion);
  }
  m.source = set_[best.id].source;
  m.target = best.target;
  m.target_domain_for_suggestion = best.suggestion;
  m.code = *best.code;
  m.resembles = best.target;
  m.detail = std::move(best.detail);
  m.score = best.score;
  return m;
}

}  // namespace nearmiss::lookalike
