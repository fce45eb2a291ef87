// `nearmiss audit`'s outputs checked against its inputs and each other
// (audit_output_clash.h).
#include "cli/audit_output_clash.h"

#include <sys/stat.h>

#include <climits>
#include <cstdlib>
#include <optional>

namespace nearmiss::cli {
namespace {

constexpr char kChecked[] = " (checked before reading the inputs: nothing read or written)";

// The absolute path with every link resolved, or "" when it does not exist.
std::string Real(const std::string& path) {
  char buf[PATH_MAX];
  return ::realpath(path.c_str(), buf) != nullptr ? std::string(buf) : std::string();
}

// Where `path` is or would be created: its own real path when it exists,
// else its directory's real path and its name ("" when neither resolves;
// CheckAuditOutputs then says the directory is missing).
std::string Place(const std::string& path) {
  if (std::string real = Real(path); !real.empty()) return real;
  const size_t slash = path.rfind('/');
  const std::string dir = slash == std::string::npos ? "." : path.substr(0, slash + 1);
  std::string real_dir = Real(dir);
  if (real_dir.empty()) return {};
  if (!real_dir.ends_with('/')) real_dir += '/';
  return real_dir + path.substr(slash == std::string::npos ? 0 : slash + 1);
}

struct Identity {
  std::optional<std::pair<dev_t, ino_t>> inode;  // when it exists
  bool dir = false;
  std::string place;  // Place()
};

Identity Identify(const std::string& path) {
  Identity id;
  struct stat st;
  if (::stat(path.c_str(), &st) == 0) {
    id.inode = std::pair{st.st_dev, st.st_ino};
    id.dir = S_ISDIR(st.st_mode);
  }
  id.place = Place(path);
  return id;
}

bool Same(const Identity& a, const Identity& b) {
  return (a.inode && b.inode && *a.inode == *b.inode) ||
         (!a.place.empty() && a.place == b.place);
}

}  // namespace

Status CheckOutputClashes(const std::vector<std::pair<std::string, std::string>>& outputs,
                          const std::vector<std::string>& inputs) {
  std::vector<Identity> written;
  for (const auto& [flag, path] : outputs) {
    const Identity out = Identify(path);
    for (size_t i = 0; i < written.size(); ++i) {
      if (!Same(out, written[i])) continue;
      return Status::InvalidArgument(flag + " " + path + " is the same file as " +
                                     outputs[i].first + " " + outputs[i].second +
                                     ": the one written last would replace the other; give "
                                     "each its own path" + kChecked);
    }
    for (const std::string& in : inputs) {
      if (in.empty() || in == "-") continue;
      const Identity read = Identify(in);
      if (Same(out, read)) {
        return Status::InvalidArgument(flag + " " + path + " is the input " + in +
                                       " (the same file): writing it would replace what is "
                                       "read, the evidence, with the report; give " +
                                       flag + " another path" + kChecked);
      }
      // A folder of logs is read whole, at any depth: a report written
      // into it replaces one of its files or is read as one next time.
      if (read.dir && !read.place.empty() && !out.place.empty() &&
          out.place.starts_with(read.place + (read.place.ends_with('/') ? "" : "/"))) {
        return Status::InvalidArgument(flag + " " + path + " is inside the input folder " + in +
                                       ": writing it would replace or add to the logs read, the "
                                       "evidence; give " + flag +
                                       " a path outside it" + kChecked);
      }
    }
    written.push_back(out);
  }
  return Status::Ok();
}

}  // namespace nearmiss::cli
