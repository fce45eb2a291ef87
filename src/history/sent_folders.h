// Which folders of a mail store are what the organisation sent. `learn`
// trusts the domains people write to, so it must read sent mail only: a
// Maildir root's own messages are the INBOX (received mail, spam
// included), and learning from them would trust every sender's domain.
//
// A source directory is a mail store root when it holds Maildir folders and
// is not itself one (no `maildirfolder` marker, name not starting with
// '.'), in either layout Dovecot writes: Maildir++ (Courier, Dovecot's
// default; subfolders named ".Name") or LAYOUT=fs (subfolders named "Name",
// each with its own cur/ new/ tmp/). Either way the root's own cur/ and
// new/ are the INBOX. Of a root, only the subfolders named in `sent_names`
// are read; its INBOX and other folders are skipped and listed. So are the
// mbox folders of a mail client's store (Thunderbird, readpst's output,
// Apple Mail's exports "NAME.mbox/mbox") and Apple Mail's own mailboxes at
// any depth ("NAME.mbox" folders holding .../Messages/N.emlx, as in
// ~/Library/Mail/V10/ACCOUNT/): only those named in `sent_names` ("Sent
// Messages") are read, a mailbox without its child mailboxes. Any other
// source is read as given; one named INBOX (a file or folder "INBOX",
// "inbox.mbox") is read but warned about, since its senders are not our
// correspondents.
//
// Errors: a root with no Sent folder is kInvalidArgument naming the root,
// the folders it has and the names looked for. Thread safety: a pure
// function of the file system.
#ifndef NEARMISS_HISTORY_SENT_FOLDERS_H_
#define NEARMISS_HISTORY_SENT_FOLDERS_H_

#include <string>
#include <vector>

#include "nearmiss/status.h"

namespace nearmiss::history {

// Folder names (without the Maildir++ '.'; LAYOUT=fs names as they are) read from a root by default:
// the names Dovecot, Thunderbird, Outlook and Apple Mail give sent mail.
inline const std::vector<std::string>& DefaultSentFolderNames() {
  static const std::vector<std::string> kNames = {"Sent", "Sent Items", "Sent Messages"};
  return kNames;
}

struct SentSelection {
  std::vector<std::string> read;     // paths to read, in the order given
  std::vector<std::string> skipped;  // "ROOT (INBOX)", "ROOT/.Spam", "ROOT/Trash", ...
  std::vector<std::string> warnings;  // sentences naming a source read as given
};

// `sources` with each mail store root replaced by its Sent folders. Names
// compare without ASCII case.
Result<SentSelection> SelectSentFolders(const std::vector<std::string>& sources,
                                        const std::vector<std::string>& sent_names);

// The line `learn` and `audit` give a skipped folder (an entry of
// SentSelection::skipped): the entry, and when the folder's name reads as
// sent mail in another client's or language's naming ("[Gmail].Sent Mail",
// "INBOX.Sent", "Gesendete Objekte", "Elements envoyes", "Enviados",
// "Verzonden items"), the flag that reads it: "skipped (not a Sent
// folder): ROOT/.[Gmail].Sent Mail; if it is sent mail, read it with
// --sent-folder '[Gmail].Sent Mail'". Names compare without ASCII case.
std::string SkippedFolderLine(const std::string& skipped);

}  // namespace nearmiss::history

#endif  // NEARMISS_HISTORY_SENT_FOLDERS_H_
