// Building Classify's query (detector_query.h).
#include "lookalike/detector_query.h"

#include <algorithm>
#include <optional>
#include <string_view>

#include "address/public_suffix.h"
#include "lookalike/domain_labels.h"
#include "lookalike/hash_index.h"
#include "lookalike/visual_key.h"

namespace nearmiss::lookalike {

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
    q.uni_name = q.name;
  } else {
    // Same number of labels in both forms: cut the suffix's labels off.
    const size_t suffix_labels = std::count(d.suffix.begin(), d.suffix.end(), '.') + 1;
    auto name_of = [&](std::string_view uni) -> std::optional<std::string_view> {
      size_t cut = uni.size();
      for (size_t i = 0; i < suffix_labels && cut != std::string_view::npos && cut > 0; ++i) {
        cut = uni.rfind('.', cut - 1);
      }
      if (cut == std::string_view::npos) return std::nullopt;
      return uni.substr(0, cut);
    };
    if (std::optional<std::string_view> uni = name_of(d.unicode)) {
      q.uni_name = *uni;
      // Read with its capitals as typed: Greek "Ν" is an N, "ν" a v.
      const std::optional<std::string_view> shown =
          d.typed_capitals.empty() ? uni : name_of(d.typed_capitals);
      q.look_storage = AsciiLookalike(shown ? *shown : *uni).text;
    }
    q.look_name = q.look_storage;
  }
  q.look_reg_label = LastLabel(q.look_name);
  q.uni_reg_label = LastLabel(q.uni_name);
}

void HashNames(Query& q) {
  const Domain& d = *q.domain;
  q.ascii_hash = HashKey(d.ascii);
  // The registrable domain is asked for only when it differs from the
  // whole (JoinedCandidates); else its hash is the whole's, read already.
  q.registrable_hash =
      d.registrable.empty() || d.registrable == d.ascii ? q.ascii_hash : HashKey(d.registrable);
  q.name_hash = HashKey(q.name);
  // Most names are one label: the last label is the name.
  q.reg_label_hash = q.reg_label == q.name ? q.name_hash : HashKey(q.reg_label);
}

void FindOpenZone(Query& q) {
  std::string_view head, zone;
  if (SplitTail(q.domain->ascii, 2, head, zone) && address::IsOpenPrivateZone(zone)) {
    q.open_zone = zone;
    q.open_zone_head = head;
    // alice.me.eu.org: the country's zone under EU.org's eu.org is the
    // zone, and alice the name, never "me" (me.com's) under eu.org.
    std::string_view head3, zone3;
    if (SplitTail(q.domain->ascii, 3, head3, zone3) && address::IsOpenPrivateSubzone(zone3)) {
      q.open_zone = zone3;
      q.open_zone_head = head3;
    }
  }
}

}  // namespace nearmiss::lookalike
