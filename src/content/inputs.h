// Expands the paths given to `nearmiss scan` into the files to read: a file
// as itself, a Maildir as the messages in cur/ and new/, any other directory
// recursively (Maildir folders inside it read the Maildir way), "-" as stdin.
// In a Maildir, a file that is no message nor a server's control file
// comes with an `error` saying so (maildir_entry.h), never as a message.
#ifndef NEARMISS_CONTENT_INPUTS_H_
#define NEARMISS_CONTENT_INPUTS_H_

#include <filesystem>
#include <string>
#include <vector>

namespace nearmiss::content {

struct InputFile {
  std::string path;   // "-" for stdin
  std::string error;  // set when the path could not be listed, or is no message
};

// Sorted within each directory, so output order is reproducible.
std::vector<InputFile> ExpandInputs(const std::vector<std::string>& paths);

// Whether `path` is a folder that holds nothing ExpandInputs would read (an
// empty directory or Maildir: a path mistyped or not mounted). `scan` names
// such a folder as an input that held no message, never a quiet "0
// messages" (learn and audit say it their own way).
bool FolderHoldsNoInput(const std::string& path);

// A mailbox Apple Mail exported ("Mailbox > Export Mailbox"): a folder
// "NAME.mbox" holding the messages in one mbox file named "mbox" beside
// Apple Mail's "Info.plist" and "table_of_contents" (its index), which are
// no mail: only "mbox" is read.
bool IsAppleMailMbox(const std::filesystem::path& dir);

// A Maildir: `dir` holds cur/ or new/ (https://cr.yp.to/proto/maildir.html).
bool IsMaildir(const std::filesystem::path& dir);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_INPUTS_H_
