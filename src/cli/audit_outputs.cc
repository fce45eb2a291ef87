// `nearmiss audit`'s files, checked then written (audit_outputs.h).
#include "cli/audit_outputs.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/log.h"
#include "cli/audit_marking.h"
#include "cli/audit_output_clash.h"
#include "cli/report_pdf.h"
#include "investigate/render.h"

namespace nearmiss::cli {
namespace {

// The run's own time, an instant: in UTC with RFC 3339's Z, as the rows'
// known times are (maillog/shown_time.h), never the reader's or
// --log-zone's wall clock unlabelled (issue 16, round 54's tester,
// finding 6).
std::string Now() {
  std::time_t t = std::time(nullptr);
  struct tm tm;
  ::gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// The file is not created here; its directory must exist and be writable,
// and the file, if there, writable.
Status CheckOutput(const std::string& path, std::string_view what) {
  std::string dir = path.find('/') == std::string::npos ? "." : path.substr(0, path.rfind('/') + 1);
  struct stat st;
  std::string why;
  if (::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    why = "the directory " + dir + " does not exist";
  } else if (::access(path.c_str(), F_OK) == 0 ? ::access(path.c_str(), W_OK) != 0
                                                : ::access(dir.c_str(), W_OK | X_OK) != 0) {
    why = std::string(std::strerror(errno));
  } else {
    return Status::Ok();
  }
  return Status::IoError(path + ": cannot write the " + std::string(what) + ": " + why +
                         " (checked before reading the inputs)");
}

// The Chromium --pdf runs: a path, or a name found in PATH.
Status CheckChromium(const std::string& chromium) {
  if (chromium.find('/') != std::string::npos) {
    if (::access(chromium.c_str(), X_OK) == 0) return Status::Ok();
  } else if (const char* path = std::getenv("PATH")) {
    std::string_view rest = path;
    while (true) {
      size_t colon = rest.find(':');
      std::string dir(rest.substr(0, colon));
      if (::access(((dir.empty() ? "." : dir) + "/" + chromium).c_str(), X_OK) == 0) {
        return Status::Ok();
      }
      if (colon == std::string_view::npos) break;
      rest.remove_prefix(colon + 1);
    }
  }
  return Status::IoError("--chromium " + chromium +
                         ": no such program to print the PDF with (give its path with "
                         "--chromium; checked before reading the inputs)");
}

}  // namespace

Status CheckAuditOutputs(const AuditFlags& flags) {
  // An output that is an input, or another output, first: it is refused
  // whether or not it could be written.
  std::vector<std::pair<std::string, std::string>> outputs;
  for (const auto& [flag, path] : {std::pair{"--html", &flags.html}, std::pair{"--pdf", &flags.pdf},
                                   std::pair{"--summary-json", &flags.summary_json}}) {
    if (!path->empty()) outputs.emplace_back(flag, *path);
  }
  std::vector<std::string> inputs = flags.inputs;
  inputs.push_back(flags.policy.policy_file);
  inputs.push_back(flags.policy.protect_file);
  if (Status s = CheckOutputClashes(outputs, inputs); !s.ok()) return s;
  for (const auto& [path, what] : {std::pair{&flags.html, "report"}, std::pair{&flags.pdf, "PDF"},
                                   std::pair{&flags.summary_json, "summary"}}) {
    if (path->empty()) continue;
    if (Status s = CheckOutput(*path, what); !s.ok()) return s;
  }
  if (!flags.pdf.empty()) return CheckChromium(flags.chromium);
  return Status::Ok();
}

Status WriteAuditOutputs(const AuditFlags& flags, const Engine& engine,
                         const investigate::Report& report) {
  if (!flags.html.empty() || !flags.pdf.empty()) {
    investigate::HtmlMeta meta;
    meta.generated = Now();
    meta.policy = engine.policy().source;
    meta.since = flags.since;
    // Any case (--paper a4): IsMember checks, it does not rewrite.
    std::string paper = flags.paper;
    for (char& c : paper) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    meta.paper = paper == "a4" ? "A4" : paper;
    meta.marking = flags.marking;
    bool unknown = false;
    Result<std::string> below = MarkingBelowData(engine, flags.marking, report, &unknown);
    if (!below.ok()) return below.error();
    if (unknown) {
      // A typo ("SECERT//NOFRON") on every page's banner, unsaid, is what a
      // reader of the PDF trusts first (round 49's tester 16, finding 4).
      const std::string warning = "--marking '" + flags.marking +
                                  "' reads as no marking the policy's packs know (a typo?); "
                                  "written as given";
      log::Warn(warning);
      meta.marking_warning = warning;
    }
    if (!below->empty() && !flags.marking_below_data) {
      // Refused before anything is written: a report marked lower than what
      // it shows would be handled as less sensitive than it is.
      return Status::InvalidArgument(
          *below + "; the report is not written (give --marking-below-data to write it "
                   "with that marking anyway)");
    }
    if (!below->empty()) {
      log::Warn(*below + "; written as asked (--marking-below-data)");
      meta.marking_warning = *below;
    }
    for (const DomainItem& d : engine.policy().organisation) {
      meta.organisation += (meta.organisation.empty() ? "" : ", ") + d.domain;
    }
    std::string html = investigate::ReportHtml(report, meta);
    if (!flags.html.empty()) {
      if (Status s = WriteReportFile(flags.html, html, "report"); !s.ok()) return s;
    }
    if (!flags.pdf.empty()) {
      if (Status s = PrintReportPdf(html, flags.pdf, flags.chromium); !s.ok()) return s;
    }
  }
  if (!flags.summary_json.empty()) {
    // With the reason, as the report's (WriteReportFile).
    return WriteReportFile(flags.summary_json, investigate::SummaryJson(report), "summary");
  }
  return Status::Ok();
}

}  // namespace nearmiss::cli
