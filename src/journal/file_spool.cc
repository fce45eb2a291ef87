// The spool on disk (format and guarantees: spool.h).
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <filesystem>
#include <optional>

#include "base/env_dirs.h"
#include "render/decision_record.h"
#include "journal/spool.h"

namespace nearmiss::journal {
namespace {

constexpr size_t kCrcHex = 8;
constexpr size_t kReadChunk = 1 << 20;

std::string Crc(std::string_view json) {
  char hex[kCrcHex + 1];
  std::snprintf(hex, sizeof hex, "%08lx",
                crc32(0L, reinterpret_cast<const Bytef*>(json.data()),
                      static_cast<uInt>(json.size())));
  return hex;
}

// `line` without its newline; false when torn or corrupt.
bool ParseLine(std::string_view line, DecisionRecord* out) {
  if (line.size() <= kCrcHex + 1 || line[kCrcHex] != ' ') return false;
  std::string_view json = line.substr(kCrcHex + 1);
  if (line.substr(0, kCrcHex) != Crc(json)) return false;
  return render::DecisionRecordFromJson(json, out);
}

Status Errno(const std::string& path, std::string_view what) {
  return Status::IoError(path + ": " + std::string(what) + ": " + std::strerror(errno));
}

class FileSpool final : public Spool {
 public:
  FileSpool(std::string path, int fd, int head_fd, uint64_t max_bytes)
      : path_(std::move(path)), fd_(fd), head_fd_(head_fd), max_bytes_(max_bytes) {}
  ~FileSpool() override {
    ::close(head_fd_);
    ::close(fd_);  // releases the flock
  }

  Status Load();

  Result<size_t> Append(const std::vector<DecisionRecord>& records) override {
    std::string buf;
    std::vector<Entry> added;
    for (const DecisionRecord& r : records) {
      std::string json;
      render::JsonWriter w(&json);
      render::WriteDecisionRecordJson(r, w);
      std::string line = Crc(json) + " " + json + "\n";
      if (size_ + buf.size() + line.size() > max_bytes_) break;
      added.push_back({size_ + buf.size(), line.size()});
      buf += line;
    }
    if (added.empty()) return size_t{0};
    for (size_t done = 0; done < buf.size();) {
      ssize_t n = ::write(fd_, buf.data() + done, buf.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return CutBack(Errno(path_, "append"));
      done += static_cast<size_t>(n);
    }
    if (::fdatasync(fd_) != 0) return CutBack(Errno(path_, "fdatasync"));
    size_ += buf.size();
    entries_.insert(entries_.end(), added.begin(), added.end());
    return added.size();
  }

  Result<std::vector<DecisionRecord>> Peek(size_t n) override {
    std::vector<DecisionRecord> out;
    size_t want = std::min(n, entries_.size());
    if (want == 0) return out;
    uint64_t from = entries_[0].offset;
    uint64_t to = entries_[want - 1].offset + entries_[want - 1].length;
    std::string bytes(to - from, '\0');
    ssize_t got = ::pread(fd_, bytes.data(), bytes.size(), static_cast<off_t>(from));
    if (got != static_cast<ssize_t>(bytes.size())) return Errno(path_, "read");
    // Lines were checked when written or replayed; one that fails now (the
    // disk changed under us) is dropped from the index and counted like a
    // torn one, so what Peek returns is always the head Pop removes.
    std::deque<Entry> kept;
    for (size_t i = 0; i < want; ++i) {
      const Entry e = entries_[i];
      DecisionRecord r;
      if (ParseLine(std::string_view(bytes).substr(e.offset - from, e.length - 1), &r)) {
        out.push_back(std::move(r));
        kept.push_back(e);
      } else {
        ++torn_;
      }
    }
    if (kept.size() != want) {
      entries_.erase(entries_.begin(), entries_.begin() + want);
      entries_.insert(entries_.begin(), kept.begin(), kept.end());
    }
    return out;
  }

  Status Pop(size_t n) override {
    n = std::min(n, entries_.size());
    if (n == 0) return Status::Ok();
    uint64_t head = entries_[n - 1].offset + entries_[n - 1].length;
    entries_.erase(entries_.begin(), entries_.begin() + n);
    if (entries_.empty() && ::ftruncate(fd_, 0) == 0 && ::fdatasync(fd_) == 0) {
      // The head is rewritten after the truncation: a crash in between
      // leaves a head past the end, which Load reads as 0.
      size_ = 0;
      head = 0;
    }
    return WriteHead(head);
  }

  size_t depth() const override { return entries_.size(); }
  uint64_t torn() const override { return torn_; }
  const std::string& where() const override { return path_; }
  bool durable() const override { return true; }

 private:
  struct Entry {
    uint64_t offset;  // of the line's first byte
    uint64_t length;  // with the newline
  };

  Status CutBack(Status error) {
    // What a failed append left behind would read as a torn line later
    // (Load skips and counts it); say so when it cannot be cut off now.
    if (::ftruncate(fd_, static_cast<off_t>(size_)) != 0) {
      std::string message(error.message());
      message += "; the part written stays as a torn line (";
      message += std::strerror(errno);
      message += ")";
      return Status(error.code(), message);
    }
    return error;
  }

  Status WriteHead(uint64_t head) {
    char text[32];
    int len = std::snprintf(text, sizeof text, "%020llu\n", static_cast<unsigned long long>(head));
    if (::pwrite(head_fd_, text, static_cast<size_t>(len), 0) != len ||
        ::fdatasync(head_fd_) != 0) {
      return Errno(path_ + ".head", "write");
    }
    return Status::Ok();
  }

  std::string path_;
  int fd_, head_fd_;
  uint64_t max_bytes_;
  uint64_t size_ = 0;  // of the file
  std::deque<Entry> entries_;  // records not yet drained, oldest first
  uint64_t torn_ = 0;
};

Status FileSpool::Load() {
  char text[32] = {};
  ssize_t got = ::pread(head_fd_, text, sizeof text - 1, 0);
  uint64_t head = got > 0 ? std::strtoull(text, nullptr, 10) : 0;
  struct stat st;
  if (::fstat(fd_, &st) != 0) return Errno(path_, "stat");
  size_ = static_cast<uint64_t>(st.st_size);
  if (head > size_) head = 0;  // see Pop; the keys make a replay harmless
  std::string carry;
  uint64_t carry_at = head;
  for (uint64_t at = head; at < size_;) {
    std::string chunk(std::min<uint64_t>(kReadChunk, size_ - at), '\0');
    ssize_t n = ::pread(fd_, chunk.data(), chunk.size(), static_cast<off_t>(at));
    if (n <= 0) return Errno(path_, "read");
    at += static_cast<uint64_t>(n);
    carry.append(chunk.data(), static_cast<size_t>(n));
    size_t start = 0, nl;
    while ((nl = carry.find('\n', start)) != std::string::npos) {
      DecisionRecord r;
      if (ParseLine(std::string_view(carry).substr(start, nl - start), &r)) {
        entries_.push_back({carry_at + start, nl + 1 - start});
      } else {
        ++torn_;
      }
      start = nl + 1;
    }
    carry.erase(0, start);
    carry_at += start;
  }
  if (!carry.empty()) {
    // The last append did not finish (a crash mid-write): cut it off so
    // the next append starts on a line of its own.
    ++torn_;
    if (::ftruncate(fd_, static_cast<off_t>(carry_at)) != 0 || ::fdatasync(fd_) != 0) {
      return Errno(path_, "cut a torn last line");
    }
    size_ = carry_at;
  }
  if (entries_.empty() && size_ > 0) {
    if (::ftruncate(fd_, 0) != 0) return Errno(path_, "truncate");
    size_ = 0;
    return WriteHead(0);
  }
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<Spool>> OpenFileSpool(const std::string& dir, std::string_view name,
                                             const SpoolOptions& options) {
  // Root (`nearmiss audit` beside the packaged milter) in the daemon's
  // state directory: what it creates there takes the directory's owner.
  std::optional<base::DirOwner> owner = base::OthersDirOwner(dir);
  bool made_dir = !std::filesystem::exists(dir);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::IoError(dir + ": cannot create the spool directory: " + ec.message());
  // A spool the daemon cannot write is refused here, not found at its
  // first append.
  if (owner && made_dir && ::chown(dir.c_str(), owner->uid, owner->gid) != 0)
    return Errno(dir, "cannot give the spool directory to its owner (chown)");
  std::string path = dir + "/" + std::string(name) + ".spool";
  // O_NOFOLLOW: root never appends records through a link another user
  // put in the directory.
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) return Errno(path, "open");
  if (owner && ::fchown(fd, owner->uid, owner->gid) != 0) {
    Status s = Errno(path, "cannot give the spool to the directory's owner (fchown)");
    ::close(fd);
    return s;
  }
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    Status s = errno == EWOULDBLOCK
                   ? Status::IoError(path + ": in use by another nearmiss process")
                   : Errno(path, "lock");
    ::close(fd);
    return s;
  }
  int head_fd = ::open((path + ".head").c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (head_fd < 0) {
    Status s = Errno(path + ".head", "open");
    ::close(fd);
    return s;
  }
  if (owner && ::fchown(head_fd, owner->uid, owner->gid) != 0) {
    Status s = Errno(path + ".head", "cannot give the spool head to the directory's owner (fchown)");
    ::close(head_fd);
    ::close(fd);
    return s;
  }
  auto spool = std::make_unique<FileSpool>(path, fd, head_fd, options.max_bytes);
  NM_RETURN_IF_ERROR(spool->Load());
  return std::unique_ptr<Spool>(std::move(spool));
}

}  // namespace nearmiss::journal
