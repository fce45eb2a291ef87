// `nearmiss --version`: what was built, from what, and the age of every list
// a verdict depends on, so an administrator can tell whether a missed
// look-alike is a stale list.
#include <ctime>

#include "address/public_suffix.h"
#include "address/root_zone.h"
#include "cli/build_info.h"

namespace nearmiss::cli {

std::string VersionText() {
  const BuildInfo& b = GetBuildInfo();
  std::string out = "nearmiss " + b.version + "\n";
  out += "commit " + b.commit + " (" + b.commit_date + ")\n";
  out += "built " + b.build_date + "\n";
  out += "embedded lists (last changed, commit):\n";
  for (const EmbeddedList& list : b.lists) {
    out += "  " + list.path + " " + list.date + " " + list.commit + "\n";
  }
  const int64_t now = static_cast<int64_t>(std::time(nullptr));
  out += "public suffix list: " + address::PublicSuffixListSource();
  // How old each list is, said once here: a stale list misjudges new and
  // retired TLDs and zones (issue 15, round 35, defect 5; round 37, item 6).
  const std::string psl_age =
      address::PublicSuffixListAge(now, address::PublicSuffixListDay());
  if (!psl_age.empty()) out.append(", ").append(psl_age);
  out += "\n";
  out += "root zone TLDs: " + std::string(address::RootZoneSource());
  const std::string age = address::RootZoneAge(now);
  if (!age.empty()) out += ", " + age;
  out += "\n";
  return out;
}

}  // namespace nearmiss::cli
