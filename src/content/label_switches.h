// Which Purview labels a header switches on and off. MIP label metadata
// (Microsoft Learn, "Microsoft Information Protection SDK - Metadata") is
// one set of keys per label, MSIP_Label_<guid>_<Attribute>; "Enabled"
// (true or false) says whether the classification the set describes is
// enabled for the item, and DLP products identify a label by that key's
// presence. An object carries one label per organisation, so one set of
// keys has one Enabled. A header that gives one label both values
// (MSIP_Label_<g>_Enabled=true; ... MSIP_Label_<g>_Enabled=false) is
// contradictory: the stricter reading is taken, enabled, and the conflict is
// named (label_headers.cc). Pure; the regexes are the label header's
// `enabled` and `disabled` patterns (labels.toml), capture 1 the guid.
#ifndef NEARMISS_CONTENT_LABEL_SWITCHES_H_
#define NEARMISS_CONTENT_LABEL_SWITCHES_H_

#include <regex>
#include <string>
#include <vector>

namespace nearmiss::content {

struct LabelSwitches {
  std::vector<std::string> enabled;      // guids with Enabled=true
  std::vector<std::string> disabled;     // guids with Enabled=false only
  std::vector<std::string> conflicting;  // guids with both: read as enabled

  // Whether `keys` (a whole extract match, "MSIP_Label_<g>_Name=...")
  // names a label of `ids`.
  static bool Names(const std::vector<std::string>& ids, const std::string& keys);
};

// Reads `text` with the header's patterns; an empty pattern text means the
// header has no such keys. May throw std::regex_error (the caller's catch).
LabelSwitches ReadLabelSwitches(const std::string& text, const std::regex& enabled,
                                bool has_enabled, const std::regex& disabled,
                                bool has_disabled);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_LABEL_SWITCHES_H_
