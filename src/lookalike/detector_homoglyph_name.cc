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

std::optional<std::string> DetectorImpl::RealNameUnder(uint32_t id, std::string_view ascii,
                                                       std::string& why) const {
  if (!set_[id].is_namespace || NameOrParentKnown(ascii)) return std::nullopt;
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
    why.assign("'").append(label).append("' ");
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
    std::string meant(head.substr(0, head.size() - label.size()));
    meant.append(real).append(".").append(ns);
    why.append(", and ").append(meant).append(" is a real .").append(ns).append(" name");
    return meant;
  }
  return std::nullopt;
}

}  // namespace nearmiss::lookalike
