#include "content/inputs.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "content/maildir_entry.h"

namespace nearmiss::content {
namespace {

namespace fs = std::filesystem;

bool IsDir(const fs::path& p) {
  std::error_code ec;
  return fs::is_directory(p, ec);
}

std::vector<fs::path> SortedEntries(const fs::path& dir, std::string* error) {
  std::vector<fs::path> entries;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    entries.push_back(it->path());
  }
  if (ec) *error = dir.string() + ": " + ec.message();
  std::sort(entries.begin(), entries.end());
  return entries;
}

// Bounded recursion depth: symlink loops and absurd trees end here.
constexpr int kMaxDirectoryDepth = 32;

// Apple Mail's own files in a mailbox folder of its store
// (~/Library/Mail/V*/ACCOUNT/Sent Messages.mbox/UUID/Data/.../Messages/
// N.emlx): the folder's settings and index (Info.plist, *.plist), never
// mail. Only inside a ".mbox" folder; a .plist elsewhere is read, and named
// when it is no message.
bool IsAppleMailOwnFile(std::string_view name) {
  return name.ends_with(".plist");
}

void Expand(const fs::path& path, int depth, std::vector<InputFile>* out,
            bool in_apple_mbox = false) {
  if (!IsDir(path)) {
    out->push_back({path.string(), ""});
    return;
  }
  if (depth > kMaxDirectoryDepth) {
    out->push_back({path.string(), "directory nesting too deep; skipped"});
    return;
  }
  if (IsAppleMailMbox(path)) {
    // Its messages are in the one file "mbox"; the index and the property
    // list beside it are Apple Mail's own, no mail.
    out->push_back({(path / "mbox").string(), ""});
    return;
  }
  std::string error;
  bool maildir = IsMaildir(path);
  if (maildir) {
    for (const char* sub : {"cur", "new"}) {
      if (!IsDir(path / sub)) continue;
      for (const fs::path& f : SortedEntries(path / sub, &error)) {
        std::string name = f.filename().string();
        if (IsDir(f) || name.front() == '.' || IsMaildirControlFile(name)) continue;
        // A file that does not start as a message is named, not read as
        // one (maildir_entry.h).
        out->push_back({f.string(), NotAMessage(f.string())});
      }
    }
  }
  for (const fs::path& entry : SortedEntries(path, &error)) {
    std::string name = entry.filename().string();
    if (IsDir(entry)) {
      if (maildir && (name == "cur" || name == "new" || name == "tmp")) continue;
      // Maildir++ folders (".Sent") are dot-directories; other hidden
      // directories (.git, .cache) are not mail.
      if (name.front() == '.' && !IsMaildir(entry)) continue;
      Expand(entry, depth + 1, out,
             in_apple_mbox || std::string_view(path.filename().string()).ends_with(".mbox"));
    } else if (name.front() == '.') {
      continue;
    } else if ((in_apple_mbox || std::string_view(path.filename().string()).ends_with(".mbox")) &&
               IsAppleMailOwnFile(name)) {
      continue;
    } else if (!maildir) {
      out->push_back({entry.string(), ""});
    } else if (!IsMaildirControlFile(name)) {
      // Beside cur/ and new/ only a server's own files belong; anything
      // else is named, so it never passes unseen.
      out->push_back({entry.string(),
                      "in a Maildir but neither a message (those are in cur/ and new/) nor a "
                      "mail server's control file; not read"});
    }
  }
  if (!error.empty()) out->push_back({path.string(), error});
}

}  // namespace

bool IsAppleMailMbox(const std::filesystem::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / "mbox", ec) &&
         (fs::exists(dir / "Info.plist", ec) || fs::exists(dir / "table_of_contents", ec));
}

bool FolderHoldsNoInput(const std::string& path) {
  return path != "-" && IsDir(path) && ExpandInputs({path}).empty();
}

bool IsMaildir(const std::filesystem::path& dir) {
  return IsDir(dir / "cur") || IsDir(dir / "new");
}

std::vector<InputFile> ExpandInputs(const std::vector<std::string>& paths) {
  std::vector<InputFile> out;
  for (const std::string& p : paths) {
    if (p == "-") {
      out.push_back({p, ""});
    } else {
      Expand(fs::path(p), 0, &out);
    }
  }
  return out;
}

}  // namespace nearmiss::content
