#include "history/sent_folders.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "base/ascii.h"
#include "content/inputs.h"

namespace nearmiss::history {
namespace fs = std::filesystem;
using content::IsMaildir;

Result<SentSelection> SelectSentFolders(const std::vector<std::string>& sources,
                                        const std::vector<std::string>& sent_names) {
  SentSelection out;
  std::vector<std::string> wanted;
  for (const std::string& n : sent_names) wanted.push_back(AsciiLower(n));
  for (const std::string& source : sources) {
    fs::path root(source);
    std::string base = root.filename().string();
    if (base.empty()) base = root.parent_path().filename().string();
    std::error_code ec;
    bool marked = fs::exists(root / "maildirfolder", ec);
    std::vector<fs::path> subfolders;
    if (!marked && !base.starts_with('.')) {
      for (fs::directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (name.size() > 1 && name[0] == '.' && name != ".." && IsMaildir(it->path())) {
          subfolders.push_back(it->path());
        }
      }
    }
    if (subfolders.empty()) {
      out.read.push_back(source);
      continue;
    }
    std::sort(subfolders.begin(), subfolders.end());
    bool any = false;
    std::string have;
    if (IsMaildir(root)) out.skipped.push_back(source + " (INBOX: received mail)");
    for (const fs::path& f : subfolders) {
      std::string name = f.filename().string().substr(1);
      have += (have.empty() ? "" : ", ") + name;
      if (std::find(wanted.begin(), wanted.end(), AsciiLower(name)) != wanted.end()) {
        out.read.push_back(f.string());
        any = true;
      } else {
        out.skipped.push_back(f.string());
      }
    }
    if (!any) {
      std::string names;
      for (const std::string& n : sent_names) names += (names.empty() ? "" : ", ") + n;
      return Status::InvalidArgument(
          source + ": a Maildir root (its own messages are the INBOX, received mail) with no "
                   "Sent folder among its folders (" + have + "); looked for: " + names +
          ". Name the Sent folder with --sent-folder, or give its path");
    }
  }
  return out;
}

}  // namespace nearmiss::history
