// The marking database's file cache (database_cache.h says what is checked
// and why).
#include "content/database_cache.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>

namespace nearmiss::content {
namespace {

constexpr std::string_view kMagic = "nearmiss-marking-db 1\n";
// Bumped when the key's recipe or the file's layout changes.
constexpr std::string_view kKeyRecipe = "nearmiss marking database key v1";
constexpr std::string_view kExtentKeyRecipe = "nearmiss marking extents key v1";
// A bound on what is read: the built-in packs serialize to about 1 MB.
constexpr std::size_t kMaxFileBytes = 256u << 20;

using Report = DatabaseCacheReport;

class Sha256 {
 public:
  Sha256() : ctx_(EVP_MD_CTX_new(), &EVP_MD_CTX_free) {
    EVP_DigestInit_ex(ctx_.get(), EVP_sha256(), nullptr);
  }
  void Add(std::string_view s) { EVP_DigestUpdate(ctx_.get(), s.data(), s.size()); }
  // Length-prefixed, so ("ab","c") and ("a","bc") differ.
  void Field(std::string_view s) {
    Add(std::to_string(s.size()));
    Add(":");
    Add(s);
  }
  std::string Hex() {
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned len = 0;
    EVP_DigestFinal_ex(ctx_.get(), md, &len);
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    for (unsigned i = 0; i < len; ++i) {
      out += kDigits[md[i] >> 4];
      out += kDigits[md[i] & 15];
    }
    return out;
  }

 private:
  std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> ctx_;
};

std::string HexOf(unsigned long long v) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, 16);
  return std::string(buf, end);
}

}  // namespace

std::string DatabaseFileHeader(const std::string& key, const DatabaseIdentity& id,
                               std::string_view payload) {
  Sha256 sum;
  sum.Add(payload);
  std::string h(kMagic);
  h += "key " + key + "\n";
  h += "hs-version " + id.hs_version + "\n";
  h += "platform " + std::to_string(id.tune) + " " + HexOf(id.features) + "\n";
  h += "size " + std::to_string(payload.size()) + "\n";
  h += "sha256 " + sum.Hex() + "\n\n";
  return h;
}

namespace {

// A cache file mapped read-only: the header check, the SHA-256 and
// hs_deserialize_database read the page cache in place, where a read into a
// string first zeroed and then copied its megabytes (a tenth of a cached
// start's CPU, perf 2026-12-06). Save replaces a file by rename, never in
// place, so a mapped file is not cut short under a reader; only this user
// or root could write it (ReadOwnFile), and Deserialize copies it out.
class MappedFile {
 public:
  MappedFile() = default;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  MappedFile(MappedFile&& o) noexcept : data_(o.data_), size_(o.size_) {
    o.data_ = nullptr;
    o.size_ = 0;
  }
  ~MappedFile() {
    if (data_ != nullptr) ::munmap(data_, size_);
  }
  static Result<MappedFile> Map(int fd, std::size_t size, const std::string& path) {
    MappedFile m;
    if (size == 0) return m;
    void* p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED) return Status::IoError(path + ": mmap: " + std::strerror(errno));
    m.data_ = p;
    m.size_ = size;
    return m;
  }
  std::string_view view() const {
    return {static_cast<const char*>(data_), size_};
  }

 private:
  void* data_ = nullptr;
  std::size_t size_ = 0;
};

// Maps `path` when it may be trusted to be ours: a regular file owned by
// this user or root, writable by no one else, within the size bound.
Result<MappedFile> ReadOwnFile(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) {
    // ENOTDIR: a path component is a file; the directory is unusable, and
    // Save says so.
    if (errno == ENOENT || errno == ENOTDIR) return Status::NotFound(path);
    return Status::IoError(path + ": " + std::strerror(errno));
  }
  // The mapping outlives the descriptor.
  std::unique_ptr<int, void (*)(int*)> closer(&fd, [](int* f) { ::close(*f); });
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    return Status::InvalidArgument(path + ": not a regular file");
  }
  if (st.st_uid != ::geteuid() && st.st_uid != 0) {
    return Status::InvalidArgument(path + ": owned by uid " +
                                   std::to_string(st.st_uid) +
                                   ", neither this user nor root");
  }
  if ((st.st_mode & (S_IWGRP | S_IWOTH)) != 0) {
    return Status::InvalidArgument(path + ": writable by group or others");
  }
  if (static_cast<std::size_t>(st.st_size) > kMaxFileBytes) {
    return Status::InvalidArgument(path + ": larger than " +
                                   std::to_string(kMaxFileBytes) + " bytes");
  }
  return MappedFile::Map(fd, static_cast<std::size_t>(st.st_size), path);
}

// Checks the file's header and payload against what this process expects;
// returns the payload.
Result<std::string_view> CheckFile(std::string_view file, const std::string& key,
                                   const DatabaseIdentity& id) {
  std::size_t end = file.find("\n\n");
  if (!file.starts_with(kMagic) || end == std::string_view::npos) {
    return Status::ParseError("not a nearmiss marking database file");
  }
  std::string_view payload = file.substr(end + 2);
  std::string expected = DatabaseFileHeader(key, id, payload);
  std::string_view header = file.substr(0, end + 2);
  if (header == expected) return payload;
  // Name the first line that differs: the version and platform lines tell an
  // upgrade apart from damage.
  std::size_t i = 0;
  while (i < header.size() && i < expected.size() && header[i] == expected[i]) ++i;
  std::size_t line_start = header.rfind('\n', i == 0 ? 0 : i - 1);
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  std::string_view got = header.substr(line_start);
  got = got.substr(0, got.find('\n'));
  std::string_view want = std::string_view(expected).substr(line_start);
  want = want.substr(0, want.find('\n'));
  return Status::ParseError("header mismatch: has '" + std::string(got) +
                            "', expected '" + std::string(want) + "'");
}

// Vectorscan's own check of the bytes, then the load.
Status Deserialize(std::string_view payload, const DatabaseIdentity& id,
                   hs_database_t** out) {
  char* info = nullptr;
  if (hs_serialized_database_info(payload.data(), payload.size(), &info) !=
      HS_SUCCESS) {
    return Status::ParseError("hs_serialized_database_info refused the payload");
  }
  std::string text = info;
  std::free(info);
  if (text.find("Version: " + id.hs_version) == std::string::npos ||
      text.find("Mode: BLOCK") == std::string::npos) {
    return Status::ParseError("serialized database is '" + text +
                              "', expected version " + id.hs_version +
                              " in block mode");
  }
  if (hs_deserialize_database(payload.data(), payload.size(), out) !=
      HS_SUCCESS) {
    *out = nullptr;
    return Status::ParseError("hs_deserialize_database failed");
  }
  return Status::Ok();
}

// Writes `header` + `payload` to `path` through a temporary file and a
// rename; mode 0644 so a daemon that dropped privileges can still read a
// file root wrote.
Status Save(const std::string& dir, const std::string& path,
            const std::string& header, std::string_view payload) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::IoError("cannot create " + dir + ": " + ec.message());
  std::string tmp = path + ".XXXXXX";
  int fd = ::mkstemp(tmp.data());
  if (fd < 0) return Status::IoError("cannot write in " + dir + ": " + std::strerror(errno));
  ::fchmod(fd, 0644);
  bool ok = true;
  for (std::string_view part : {std::string_view(header), payload}) {
    while (ok && !part.empty()) {
      ssize_t n = ::write(fd, part.data(), part.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) ok = false;
      else part.remove_prefix(static_cast<std::size_t>(n));
    }
  }
  ok = ::close(fd) == 0 && ok;
  if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::string why = std::strerror(errno);
    ::unlink(tmp.c_str());
    return Status::IoError("cannot write " + path + ": " + why);
  }
  return Status::Ok();
}

}  // namespace

std::string_view DatabaseCacheOutcomeName(Report::Outcome o) {
  switch (o) {
    case Report::Outcome::kOff: return "off";
    case Report::Outcome::kHit: return "hit";
    case Report::Outcome::kMiss: return "miss";
    case Report::Outcome::kRejected: return "rejected";
    case Report::Outcome::kUnwritable: return "unwritable";
  }
  return "off";
}

std::string DatabaseCacheWarning(const Report& report) {
  switch (report.outcome) {
    case Report::Outcome::kRejected:
      return "marking database cache: rejected " + report.detail +
             "; compiled it again";
    case Report::Outcome::kUnwritable:
      return "marking database cache: " + report.detail +
             "; the marking database is compiled at every start (set "
             "[sensitivity] cache_dir or $NEARMISS_CACHE_DIR to a writable "
             "directory, or to \"none\")";
    default:
      return "";
  }
}

DatabaseIdentity DatabaseIdentity::Current() {
  DatabaseIdentity id;
  id.hs_version = ::hs_version();
  hs_platform_info_t platform{};
  if (hs_populate_platform(&platform) == HS_SUCCESS) {
    id.tune = platform.tune;
    id.features = platform.cpu_features;
  }
  return id;
}

namespace {

// A key's recipe, then what binds it to this Vectorscan and platform; the
// caller adds each expression's text and then "<flags> <id>".
void KeyHead(std::string_view recipe, const DatabaseIdentity& id, Sha256* key) {
  key->Field(recipe);
  key->Field(id.hs_version);
  key->Field(std::to_string(id.tune) + " " + HexOf(id.features));
  key->Field(std::to_string(HS_MODE_BLOCK));
}

}  // namespace

std::string DatabaseCacheKey(const Scanner::Rep& rep, const DatabaseIdentity& id) {
  Sha256 key;
  KeyHead(kKeyRecipe, id, &key);
  for (std::size_t i = 0; i < rep.patterns.size(); ++i) {
    key.Field(rep.patterns[i].expression);
    key.Field(std::to_string(DatabaseFlags(rep.patterns[i])) + " " + std::to_string(i));
  }
  return key.Hex();
}

namespace {

// One cached database: `<dir>/<file_name>` when it passes every check (its
// header keyed by `key`), else `compile()` fills `*db` and the file is
// (best effort) written. `report` says which.
Status LoadOrCompileFile(const std::string& dir, const std::string& file_name,
                         const std::string& key, const DatabaseIdentity& id,
                         const std::function<Status()>& compile,
                         hs_database_t** db, Report* report) {
  report->path = dir + "/" + file_name;
  report->outcome = Report::Outcome::kMiss;
  Result<MappedFile> file = ReadOwnFile(report->path);
  if (file.ok()) {
    Result<std::string_view> payload = CheckFile(file->view(), key, id);
    Status loaded = payload.ok() ? Deserialize(*payload, id, db) : payload.error();
    if (loaded.ok()) {
      report->outcome = Report::Outcome::kHit;
      return Status::Ok();
    }
    report->outcome = Report::Outcome::kRejected;
    report->detail = report->path + ": " + loaded.message();
  } else if (file.error().code() != StatusCode::kNotFound) {
    report->outcome = Report::Outcome::kRejected;
    report->detail = file.error().message();
  }
  NM_RETURN_IF_ERROR(compile());
  char* bytes = nullptr;
  std::size_t size = 0;
  if (hs_serialize_database(*db, &bytes, &size) != HS_SUCCESS) {
    report->outcome = Report::Outcome::kUnwritable;
    report->detail = "hs_serialize_database failed";
    return Status::Ok();
  }
  std::string_view payload(bytes, size);
  Status saved = Save(dir, report->path, DatabaseFileHeader(key, id, payload), payload);
  std::free(bytes);
  if (!saved.ok()) {
    // A rejected file that could not be replaced stays reported as rejected
    // (the louder fact); its detail gains why it was not replaced.
    if (report->outcome == Report::Outcome::kRejected) {
      report->detail += "; not replaced: " + saved.message();
    } else {
      report->outcome = Report::Outcome::kUnwritable;
      report->detail = saved.message();
    }
  }
  return Status::Ok();
}

// How loud an outcome is, for the one report of both files.
int Loudness(Report::Outcome o) {
  switch (o) {
    case Report::Outcome::kOff: return 0;
    case Report::Outcome::kHit: return 1;
    case Report::Outcome::kMiss: return 2;
    case Report::Outcome::kUnwritable: return 3;
    case Report::Outcome::kRejected: return 4;
  }
  return 0;
}

}  // namespace

Status LoadOrCompileDatabase(const std::string& dir, const DatabaseIdentity& id,
                             Scanner::Rep* rep) {
  Report& report = rep->cache_report;
  report = Report{};
  if (dir.empty()) return CompileDatabase(rep);
  std::string key = DatabaseCacheKey(*rep, id);
  return LoadOrCompileFile(dir, "markings-" + key + ".hsdb", key, id,
                           [rep] { return CompileDatabase(rep); },
                           &rep->database, &report);
}

std::string ExtentCacheKey(const ExtentSet& set, const DatabaseIdentity& id) {
  Sha256 key;
  KeyHead(kExtentKeyRecipe, id, &key);
  for (std::size_t i = 0; i < set.expressions.size(); ++i) {
    key.Field(set.expressions[i]);
    key.Field(std::to_string(set.flags[i]) + " " + std::to_string(i));
  }
  return key.Hex();
}

Status LoadOrCompileExtents(const std::string& dir, const DatabaseIdentity& id,
                            Scanner::Rep* rep) {
  ExtentSet set = AssignExtentIds(rep);
  if (set.expressions.empty()) return Status::Ok();
  if (dir.empty()) return CompileExtents(set, rep);
  std::string key = ExtentCacheKey(set, id);
  Report extents;
  NM_RETURN_IF_ERROR(LoadOrCompileFile(
      dir, "marking-extents-" + key + ".hsdb", key, id,
      [&set, rep] { return CompileExtents(set, rep); }, &rep->extent_database,
      &extents));
  // One report for the cache: the louder outcome of the two files, and what
  // failed for each (the same unwritable directory said once).
  Report& report = rep->cache_report;
  if (Loudness(extents.outcome) > Loudness(report.outcome)) {
    report.outcome = extents.outcome;
  }
  if (!extents.detail.empty() && extents.detail != report.detail) {
    report.detail += (report.detail.empty() ? "" : "; ") + extents.detail;
  }
  return Status::Ok();
}

}  // namespace nearmiss::content
