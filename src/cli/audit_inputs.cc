#include "cli/audit_inputs.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cctype>
#include <cstring>

#include "maillog/log_files.h"
#include "maillog/natural_order.h"

namespace nearmiss::cli {
namespace {

bool IsDir(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// Copies the stream to a temporary file; "" and `error` set on failure.
std::string Spool(const std::string& given, std::string* error) {
  int in = given == "-" ? STDIN_FILENO : ::open(given.c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0) {
    *error = std::string("cannot open: ") + std::strerror(errno);
    return {};
  }
  const char* dir = std::getenv("TMPDIR");
  std::string tmpl = std::string(dir && *dir ? dir : "/tmp") + "/nearmiss-audit-XXXXXX";
  int out = ::mkstemp(tmpl.data());
  if (out < 0) {
    *error = std::string("cannot make a temporary copy: ") + std::strerror(errno);
    if (in != STDIN_FILENO) ::close(in);
    return {};
  }
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(in, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      *error = std::string("read failed: ") + std::strerror(errno);
      break;
    }
    if (n == 0) break;
    for (ssize_t off = 0; off < n;) {
      ssize_t w = ::write(out, buf + off, n - off);
      if (w < 0 && errno == EINTR) continue;
      if (w < 0) {
        *error = std::string("cannot write the temporary copy: ") + std::strerror(errno);
        break;
      }
      off += w;
    }
    if (!error->empty()) break;
  }
  if (in != STDIN_FILENO) ::close(in);
  ::close(out);
  if (!error->empty()) {
    ::unlink(tmpl.c_str());
    return {};
  }
  return tmpl;
}

// True (and said in out->repeated) when `st` was given already.
bool Repeated(const struct stat& st, const std::string& given, AuditInputs* out) {
  std::pair<dev_t, ino_t> id(st.st_dev, st.st_ino);
  if (out->seen.insert(id).second) return false;
  std::string first = given;
  for (const auto* list : {&out->logs, &out->mailboxes}) {
    for (const AuditInput& in : *list) {
      struct stat was;
      if (::stat(in.path.c_str(), &was) == 0 && was.st_dev == st.st_dev &&
          was.st_ino == st.st_ino) {
        first = in.shown;
      }
    }
  }
  out->repeated.push_back(first + ": given again as " + given + "; read once");
  return true;
}

void SortFile(const std::string& path, const std::string& shown, AuditInputs* out) {
  (maillog::LooksLikeMailbox(path) ? out->mailboxes : out->logs).push_back({path, shown, ""});
}

// How deep audit reads a directory of logs: one folder per server
// (ex/EX01/MSGTRK*.LOG, logs/mx1/maillog) and a level or two more of the
// collector's own; deeper is more likely a copied tree than a log set
// (issue 16, round 53's tester, finding 2: a folder per Exchange server was
// refused, and the run read nothing).
constexpr int kMaxLogDirDepth = 3;

bool EqualNoCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

void SortOne(const std::string& given, int depth, AuditInputs* out) {
  struct stat st;
  if (given != "-" && ::stat(given.c_str(), &st) != 0) {
    // ReadLog says why (no such file, permission) in the file's own words.
    out->logs.push_back({given, given, ""});
    return;
  }
  if (given != "-" && (S_ISDIR(st.st_mode) || S_ISREG(st.st_mode)) && Repeated(st, given, out)) {
    return;
  }
  if (given != "-" && S_ISDIR(st.st_mode)) {
    if (IsMaildir(given)) {
      out->mailboxes.push_back({given, given, ""});
      return;
    }
    if (depth > kMaxLogDirDepth) {
      out->logs.push_back({given, given,
                           "a directory more than " + std::to_string(kMaxLogDirDepth) +
                               " levels inside the one given; give it on its own"});
      return;
    }
    DIR* d = ::opendir(given.c_str());
    if (d == nullptr) {
      out->logs.push_back({given, given, std::string("cannot list: ") + std::strerror(errno)});
      return;
    }
    std::vector<std::string> names, metadata;
    while (dirent* e = ::readdir(d)) {
      std::string_view name(e->d_name);
      if (name == "." || name == "..") continue;
      if (std::string_view what = IsOsMetadata(name); !what.empty()) {
        metadata.push_back(std::string(name) + ": " + std::string(what) + ", not a log; skipped");
      } else {
        // A dot file or folder is read like any other (issue-16 tester
        // round 58b, finding 3): a rotated log renamed ".maillog-20261120"
        // or moved to ".archive/" is still a log, and one that is not (an
        // editor's ".maillog.swp") makes the run incomplete by the same
        // rule as any file that is no log, never skipped unnamed.
        names.emplace_back(name);
      }
    }
    ::closedir(d);
    // "mail-9.log" before "mail-10.log", "-2.LOG" before "-10.LOG".
    std::sort(names.begin(), names.end(), maillog::NaturalLess);
    std::sort(metadata.begin(), metadata.end());
    std::string base = given.ends_with('/') ? given : given + "/";
    for (const std::string& m : metadata) out->skipped.push_back(base + m);
    if (names.empty() && depth == 0) {
      // Given by name and holding nothing: a path mistyped or not mounted.
      out->logs.push_back({given, given,
                           "a directory that is neither a Maildir (no cur/, new/ or tmp/) nor "
                           "holds any log files: it is empty"});
      return;
    }
    if (names.empty()) {
      // A folder inside the one given holds no mail, so none is left out
      // (issue 16, round 54's tester, finding 5: an empty EX02/empty/
      // made the whole audit incomplete).
      out->skipped.push_back(given + (metadata.empty() ? ": an empty folder"
                                                       : ": a folder of only the files above") +
                             "; nothing in it to read");
      return;
    }
    for (const std::string& n : names) SortOne(base + n, depth + 1, out);
    return;
  }
  if (given == "-" || !S_ISREG(st.st_mode)) {
    std::string error;
    std::string copy = Spool(given, &error);
    if (copy.empty()) {
      out->logs.push_back({given, given, error});
      return;
    }
    out->spooled.push_back(copy);
    SortFile(copy, given == "-" ? "(stdin)" : given, out);
    return;
  }
  SortFile(given, given, out);
}

}  // namespace

AuditInputs::~AuditInputs() {
  for (const std::string& p : spooled) ::unlink(p.c_str());
}

bool IsMaildir(const std::string& path) {
  for (const char* sub : {"/cur", "/new", "/tmp"}) {
    if (IsDir(path + sub)) return true;
  }
  return false;
}

std::string_view IsOsMetadata(std::string_view name) {
  if (EqualNoCase(name, "desktop.ini")) return "Windows's folder settings";
  if (EqualNoCase(name, "Thumbs.db") || EqualNoCase(name, "ehthumbs.db") ||
      EqualNoCase(name, "ehthumbs_vista.db")) {
    return "Windows's thumbnail cache";
  }
  if (name == ".DS_Store") return "macOS Finder's folder settings";
  if (name.starts_with("._") && name.size() > 2) return "a macOS AppleDouble file";
  // The folders macOS writes at a volume's root (Spotlight's index, the
  // Trash, the file-system event log): now that dot names are read.
  if (name == ".Spotlight-V100" || name == ".Trashes" || name == ".fseventsd" ||
      name == ".TemporaryItems") {
    return "macOS's volume metadata";
  }
  return {};
}

void SortAuditInputs(const std::vector<std::string>& given, AuditInputs* out) {
  for (const std::string& g : given) SortOne(g, 0, out);
}

}  // namespace nearmiss::cli
