// The real name under a namespace that a homoglyph's ASCII reading stands
// for. аrrnу.mil (Cyrillic а and у, "rn" for m) reads as arrny.mil, which
// .mil trusts as it trusts every name under it, yet no one has it: the
// suggestion a sender would follow is army.mil, the name a reader sees
// (issue 15, round 54's tester 15, finding 4). The same reading as for a
// namespace slip (arrny.ml: army.mil, detector_namespace.cc).
#include <string>
#include <utility>

#include "lookalike/detector.h"
#include "lookalike/domain_labels.h"
#include "lookalike/edit.h"

namespace nearmiss::lookalike {

namespace {

// "'ramstien' has 'e' and 'i' swapped, and ramstein.af.mil is a real
// .af.mil name": what `label` (typed) is of `real`, and the name meant.
std::string WhyMeant(std::string_view label, std::string_view real, std::string_view meant,
                     std::string_view under) {
  std::string why = "'";
  why.append(label).append("' ");
  // "rn" read as 'm', "vv" as 'w' (RealNamesNear's folding): named as
  // the look-alike letters they are, not as two edits.
  bool pair_named = false;
  for (auto [pair, letter] : {std::pair<std::string_view, char>{"rn", 'm'}, {"vv", 'w'}}) {
    std::string folded(label);
    for (size_t at = folded.find(pair); at != std::string::npos; at = folded.find(pair, at)) {
      folded.replace(at, pair.size(), 1, letter);
    }
    if (folded == label || folded != real) continue;
    why.append("uses '").append(pair).append("' for '").append(1, letter).append("'");
    pair_named = true;
  }
  if (!pair_named) why.append(DescribeEdit(label, real).detail);
  why.append(", and ").append(meant).append(" is a real .").append(under).append(" name");
  return why;
}

}  // namespace

std::optional<std::string> DetectorImpl::RealNameUnder(uint32_t id, std::string_view ascii,
                                                       std::string& why) const {
  if (!set_[id].is_namespace || KnownUnderNamespace(ascii)) return std::nullopt;
  if (NameOrParentKnown(ascii)) {
    // ramstien.af.mil: under af.mil, a name the lists hold, but itself no
    // listed name, while ramstein.af.mil, one plain slip from it, is (the
    // default protected list). The listed one is meant, as army.mil is
    // for armu.mil (issue 15, tester round 56b, finding 4). A host under
    // a known name is anyone's to have (mail.army.mil), so only a plain
    // slip (keys next to each other, two swapped, one left out or doubled)
    // of a name four letters or more, and only when one listed name is so.
    std::string_view parent = ascii;
    std::string_view label;
    while (!NamespaceNameKnown(parent)) {
      const size_t dot = parent.find('.');
      if (dot == std::string_view::npos) return std::nullopt;
      label = parent.substr(0, dot);
      parent.remove_prefix(dot + 1);
    }
    if (label.size() < 4) return std::nullopt;
    std::string_view found;
    for (const std::string& known : known_under_namespace_) {
      const std::string_view k = known;
      if (k.size() <= parent.size() + 1 || !k.ends_with(parent) ||
          k[k.size() - parent.size() - 1] != '.') {
        continue;
      }
      const std::string_view child = k.substr(0, k.size() - parent.size() - 1);
      if (child.find('.') != std::string_view::npos || child.size() < 4 ||
          BoundedDamerau(label, child, 1) != 1 || !PlainKeySlip(DescribeEdit(label, child))) {
        continue;
      }
      if (!found.empty()) return std::nullopt;  // two as near: neither is meant
      found = child;
    }
    if (found.empty()) return std::nullopt;
    const std::string_view before = ascii.substr(0, ascii.size() - parent.size() - 1 - label.size());
    std::string meant(before);
    meant.append(found).append(".").append(parent);
    why = WhyMeant(label, found, meant, parent);
    return meant;
  }
  for (const Namespace& n : namespaces_) {
    if (n.id != id || n.names.empty()) continue;
    const std::string_view ns = n.ns;
    if (ascii.size() <= ns.size() + 1 || !ascii.ends_with(ns) ||
        ascii[ascii.size() - ns.size() - 1] != '.') {
      return std::nullopt;
    }
    const std::string_view head = ascii.substr(0, ascii.size() - ns.size() - 1);
    const std::string_view label = LastLabel(head);
    const std::vector<std::string_view> near = RealNamesNear(n.names, label);
    // Two real names as near: neither is the one meant.
    if (near.size() != 1) return std::nullopt;
    const std::string_view real = near.front();
    std::string meant(head.substr(0, head.size() - label.size()));
    meant.append(real).append(".").append(ns);
    why = WhyMeant(label, real, meant, ns);
    return meant;
  }
  return std::nullopt;
}

}  // namespace nearmiss::lookalike
