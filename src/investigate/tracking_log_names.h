// Exchange's message tracking log names (MSGTRK[MS|MD|SA]yyyymmdd[hh]-N.LOG)
// and what a set of them proves missing: a file of a day below the highest
// number given, and a day between two days given. For MissingFileTexts
// (coverage.h). Not thread-safe to share `out`; the functions keep no state.
#ifndef NEARMISS_INVESTIGATE_TRACKING_LOG_NAMES_H_
#define NEARMISS_INVESTIGATE_TRACKING_LOG_NAMES_H_

#include <string>
#include <vector>

#include "investigate/report.h"

namespace nearmiss::investigate {

// One tracking log's name taken apart: "logs/EX02_MSGTRKMS2025110311-3.LOG.gz"
// -> series "logs/EX02_MSGTRKMS", stamp "2025110311", number 3, tail
// ".LOG.gz". A server's name before MSGTRK or after the number ("_EX02", as
// admins name one server's copies when they merge several into one folder)
// stays in the series or the tail, so each server's set is judged on its
// own. Case is kept as given; number 0 when the name is no tracking log's.
struct TrackingLogName {
  std::string series;
  std::string stamp;  // 8 digits (daily) or 10 (the hour a file was started)
  int number = 0;
  std::string tail;   // after the number: ".LOG", "_EX02.LOG", ".LOG.gz"
};
TrackingLogName ReadTrackingLogName(const std::string& path);

// "MSGTRK20251103-2.LOG not among the files given (... -3.LOG is given: ...)".
void InstanceHoles(const Report& rep, std::vector<std::string>& out);

// "MSGTRK20251104-1.LOG to MSGTRK20251105-1.LOG not among the files given".
void DayHoles(const Report& rep, std::vector<std::string>& out);

// The same from the "#Date:" lines of tracking logs whose names are none
// (LineCounts::exchange_days): joined or renamed files. Per server: the one
// a part's rows name as logging them (ExchangeDay::servers, each named in a
// tenth of the part's rows at least), else the one the file's name gives
// ("EX01" of EX01-2025-11-03.log and EX01.log): "server EX01's Exchange
// tracking log of 2025-11-04 (...)".
void DatedDayHoles(const Report& rep, std::vector<std::string>& out);

// The source a tracking log is of, to judge each server's coverage apart
// (server_coverage.h): for a MSGTRK name its series as a pattern
// ("EX01_MSGTRK*.LOG", "ex02/MSGTRKMD*.LOG": one server's one log, the
// compressor's suffix left out); for a joined or renamed one "server EX01",
// the server most of its rows name as logging them, else the one its name
// gives. "" for a file that is no tracking log (no "#Date:" line read).
std::string TrackingLogSource(const maillog::LineCounts& c);

// The server most of a tracking log's rows name as logging them ("EX01"),
// as first written; "" when none does.
std::string TrackingLogServer(const maillog::LineCounts& c);

}  // namespace nearmiss::investigate

#endif  // NEARMISS_INVESTIGATE_TRACKING_LOG_NAMES_H_
