#include "cli/audit_marking.h"

#include <string>
#include <string_view>

#include "nearmiss/content_scanner.h"

namespace nearmiss::cli {

Result<std::string> MarkingBelowData(const Engine& engine, const std::string& marking,
                                     const investigate::Report& report, bool* unknown) {
  if (marking.empty()) return std::string();
  const content::Scanner& scanner = *engine.shared_scanner();
  NM_ASSIGN_OR_RETURN(content::Scratch scratch, content::Scratch::Create(scanner));
  // The flag's caveats as the report's own are read (same packs, same
  // parse), so they are compared by category, not as text: "NOT REL TO
  // USA, GBR" holds the data's "REL TO USA, GBR" as a substring (breaker
  // round 16 §4). A marking of several schemes, written as the report
  // writes its own ("US TOP SECRET//SCI//NOFORN / AU PROTECTED,
  // CAVEAT=SH:CABINET": ReportMarking::Banner), is read scheme by scheme:
  // read whole, one scheme's controls ran on into the next's words and
  // none was carried (issue-16 tester, item 3).
  investigate::ReportMarking given;
  content::Level level = content::Level::kNone;
  bool found = false;  // any pack read a marking in it (UNCLASSIFIED too)
  std::string_view rest = marking;
  while (!rest.empty()) {
    size_t cut = rest.find(" / ");
    std::string part(rest.substr(0, cut));
    rest = cut == std::string_view::npos ? std::string_view() : rest.substr(cut + 3);
    // The scheme's name the banner writes before it ("UK SECRET UK EYES
    // ONLY"): the pack reads the marking without it.
    for (std::string_view name : {"UK ", "US ", "AU "}) {
      if (part.starts_with(name)) part.erase(0, name.size());
    }
    content::Sensitivity read;
    NM_RETURN_IF_ERROR(
        scanner.Scan(content::TextKind::kSubject, "--marking", part, scratch, &read));
    given.Add(read);
    found = found || !read.findings.empty();
    content::Level l = engine.FilterSensitivity(std::move(read)).level;
    // A label off the scale (unknown-label) cannot be shown to be high
    // enough: it counts as none.
    if (l != content::Level::kUnknownLabel && static_cast<int>(l) > static_cast<int>(level)) {
      level = l;
    }
  }
  if (unknown != nullptr) *unknown = !found;
  if (report.top_level_rank == 0) return std::string();
  const int rank = static_cast<int>(level);
  if (rank >= report.top_level_rank) {
    // High enough, yet a caveat of the data missing from it (SECRET given
    // for SECRET//NOFORN data), or a REL TO wider than the data's, would
    // mark the report releasable where its data is not: said as a marking
    // below the data.
    const std::string top = report.TopMarking();
    for (const std::string& c : report.marking.Caveats()) {
      if (top.find(c) == std::string::npos) continue;  // superseded (REL TO by NOFORN)
      if (given.Carries(c)) continue;
      std::string bare = c.substr(c.find_first_not_of("/ ,"));
      // An Australian email label's field (", CAVEAT=SH:CABINET",
      // ", ACCESS=Legal-Privilege"): its caveat word is what a marking must
      // carry, in the label's form or a page's ("PROTECTED CABINET").
      if (bare.find('=') != std::string::npos) {
        std::string word = bare.substr(bare.find_last_of("=:") + 1);
        for (char& ch : word) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        std::string upper;
        for (char ch : marking) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        if (upper.find(word) != std::string::npos) continue;
      }
      // The data's own marking carries every caveat: said, so the fix is
      // at hand (issue-16 tester, item 3).
      return "--marking " + marking + " lacks " + bare + ", a caveat of the data (" + top +
             ", " + report.top_level_source + ")" +
             (c.starts_with("//REL TO")
                  ? "; give NOFORN, or REL TO none but those countries"
                  : "") +
             "; the data's own marking carries every caveat: --marking '" + top + "'";
    }
    return std::string();
  }
  // The flag's own level said apart from the message's place, so it
  // cannot be read as the message's (issue-16 tester, round 8, defect 6).
  return "--marking " + marking + " is below " + report.top_level + ", the level of " +
         report.top_level_source + "; the marking packs read --marking " + marking +
         " as level " + std::string(content::LevelName(level));
}

}  // namespace nearmiss::cli
