// Expands the paths given to `nearmiss scan` into the files to read: a file
// as itself, a Maildir as the messages in cur/ and new/, any other directory
// recursively (Maildir folders inside it read the Maildir way), "-" as stdin.
#ifndef NEARMISS_CONTENT_INPUTS_H_
#define NEARMISS_CONTENT_INPUTS_H_

#include <string>
#include <vector>

namespace nearmiss::content {

struct InputFile {
  std::string path;   // "-" for stdin
  std::string error;  // set when the path could not be listed
};

// Sorted within each directory, so output order is reproducible.
std::vector<InputFile> ExpandInputs(const std::vector<std::string>& paths);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_INPUTS_H_
