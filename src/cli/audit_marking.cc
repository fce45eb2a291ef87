#include "cli/audit_marking.h"

#include "nearmiss/content_scanner.h"

namespace nearmiss::cli {

Result<std::string> MarkingBelowData(const Engine& engine, const std::string& marking,
                                     const investigate::Report& report) {
  if (marking.empty() || report.top_level_rank == 0) return std::string();
  const content::Scanner& scanner = *engine.shared_scanner();
  NM_ASSIGN_OR_RETURN(content::Scratch scratch, content::Scratch::Create(scanner));
  content::Sensitivity read;
  NM_RETURN_IF_ERROR(
      scanner.Scan(content::TextKind::kSubject, "--marking", marking, scratch, &read));
  content::Level level = engine.FilterSensitivity(std::move(read)).level;
  // A label off the scale (unknown-label) cannot be shown to be high
  // enough: it counts as below.
  int rank = level == content::Level::kUnknownLabel ? 0 : static_cast<int>(level);
  if (rank >= report.top_level_rank) return std::string();
  return "--marking " + marking + " is below " + report.top_level + ", the level of " +
         report.top_level_source + " (read by the marking packs as " +
         std::string(content::LevelName(level)) + ")";
}

}  // namespace nearmiss::cli
