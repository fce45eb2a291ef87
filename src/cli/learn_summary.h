// `nearmiss learn`: what the run read and what became of every delivery in
// it, printed on stdout in figures that add up: found = new + repeated in
// the sources + already in the store; what was skipped or left out, each
// kind with its first place.
//
// Thread safety: none (prints).
#ifndef NEARMISS_CLI_LEARN_SUMMARY_H_
#define NEARMISS_CLI_LEARN_SUMMARY_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "cli/learn_logs.h"
#include "history/learn.h"

namespace nearmiss::cli {

// The "read from Sent folders" line: messages read, and how each kind of
// date, join and file not read was treated.
void PrintSentFolderCounts(const history::Learner::MailboxCounts& m);

// The summary after the store is written: what was read (`log_lines` in
// `logs` files), the deliveries found, new relationships, and what the
// logs' readers (`skips`) and the learner left out.
void PrintLearnSummary(const history::Learner& learner, uint64_t log_lines, size_t logs,
                       const LogSkips& skips);

// The messages of the run written to one contact under another's name
// (Learner::NamesOfOthers), the first few one a line: "written under
// another contact's name: alice@x -> jane.doe@y as "Mary Jones" (1
// message), the name mary.jones@z is written to under". Learned, but not as
// the address's name; `check` flags such a message. Nothing when none.
void PrintNamesOfOthers(const history::Learner& learner);

// When the sources gave no delivery at all and some were skipped or left
// out (every trace row received mail, of unknown direction, a bounce, an
// invalid domain, no address, not delivered): why, with the first place of
// each kind ("FILE:LINE"), for an error line; "" otherwise. learn exits 2
// then (issue 14, round 33, item 8): a run that learned nothing from what
// it was given is a wrong file or a wrong policy, never a success a cron
// job may take for a history.
// When every delivery left out was of a sender [history]
// learn_skip_senders names, the administrator chose it (a nightly job over
// the helpdesk's own log): `*chosen` is set, and learn says so without
// failing (round 49's tester 14, finding 3).
std::string NothingLearned(const history::Learner& learner, const LogSkips& skips,
                           bool* chosen);

// A learn that stops before its end (a source it cannot read, a write
// that fails): logs `s`, then what the store keeps of this run. The learner
// commits each batch of deliveries on its own (history/learn.h), so a store
// shared with running daemons is never locked for a whole import; what was
// written stays, and the line says how much and that running the same learn
// again is safe: every delivery is keyed (Message-ID, or queue id and
// recipient: history/history_keys.h), so none counts twice. Before round
// 43 a second learn that failed mid-way kept its first batches and said
// nothing of them. Returns kExitError (2).
int Stopped(const Status& s, const history::Learner& learner);

}  // namespace nearmiss::cli

#endif  // NEARMISS_CLI_LEARN_SUMMARY_H_
