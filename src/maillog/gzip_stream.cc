#include "maillog/gzip_stream.h"

#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <memory>

namespace nearmiss::maillog {
namespace {

constexpr size_t kIn = 1 << 18, kOut = 1 << 20;

// inflate's state, ended on every path.
struct Inflater {
  z_stream z{};
  bool ok = false;
  Inflater() { ok = inflateInit2(&z, 16 + MAX_WBITS) == Z_OK; }  // 16: gzip wrapper only
  ~Inflater() {
    if (ok) inflateEnd(&z);
  }
};

// Every byte of `fd` from `from` to its end is zero (gzip's padding).
bool AllZero(int fd, uint64_t from) {
  unsigned char buf[65536];
  for (uint64_t at = from;;) {
    const ssize_t n = ::pread(fd, buf, sizeof buf, static_cast<off_t>(at));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    if (n == 0) return at > from;
    for (ssize_t i = 0; i < n; ++i) {
      if (buf[i] != 0) return false;
    }
    at += static_cast<uint64_t>(n);
  }
}

}  // namespace

Status ReadGzip(int fd, const std::string& path,
                const std::function<Status(std::string_view)>& out, uint64_t* total,
                uint64_t* trailing, uint64_t* padding) {
  *total = 0;
  *trailing = 0;
  *padding = 0;
  Inflater inf;
  if (!inf.ok) return Status::IoError(path + ": gzip: cannot start zlib");
  std::unique_ptr<unsigned char[]> in(new unsigned char[kIn]);
  std::unique_ptr<unsigned char[]> buf(new unsigned char[kOut]);
  uint64_t read_at = 0;  // bytes of the file read so far
  bool eof = false;
  z_stream& z = inf.z;
  for (;;) {
    if (z.avail_in == 0 && !eof) {
      ssize_t n = ::read(fd, in.get(), kIn);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return Status::IoError(path + ": read failed: " + std::strerror(errno));
      if (n == 0) eof = true;
      z.next_in = in.get();
      z.avail_in = static_cast<uInt>(n);
      read_at += static_cast<uint64_t>(n);
    }
    if (z.avail_in == 0 && eof) {
      return Status::IoError(path + ": gzip: unexpected end of file (the stream is cut short) "
                             "after " + std::to_string(*total) + " bytes");
    }
    z.next_out = buf.get();
    z.avail_out = kOut;
    int rc = inflate(&z, Z_NO_FLUSH);
    size_t produced = kOut - z.avail_out;
    if (produced != 0) {
      *total += produced;
      NM_RETURN_IF_ERROR(out(std::string_view(reinterpret_cast<char*>(buf.get()), produced)));
    }
    if (rc == Z_STREAM_END) {
      // The member's end: the next bytes are another member, nothing, or
      // junk (read here, not by inflate, to see them whole).
      uint64_t end = read_at - z.avail_in;
      unsigned char magic[2] = {0, 0};
      ssize_t got = ::pread(fd, magic, 2, static_cast<off_t>(end));
      if (got == 0) return Status::Ok();
      if (got == 2 && magic[0] == 0x1f && magic[1] == 0x8b) {
        inflateReset(&z);
        continue;
      }
      struct stat st;
      uint64_t junk = ::fstat(fd, &st) == 0 && static_cast<uint64_t>(st.st_size) > end
                          ? static_cast<uint64_t>(st.st_size) - end
                          : 1;
      if (AllZero(fd, end)) {
        *padding = junk;
        return Status::Ok();
      }
      *trailing = junk;
      return Status::IoError(path + ": gzip: " + std::to_string(junk) +
                             " bytes of trailing data after the gzip stream (at byte " +
                             std::to_string(end) + ") not read; the " +
                             std::to_string(*total) +
                             " decompressed bytes before them were read");
    }
    if (rc == Z_BUF_ERROR && z.avail_in == 0 && !eof) continue;  // wants more input
    if (rc != Z_OK && rc != Z_BUF_ERROR) {
      return Status::IoError(path + ": gzip: " + (z.msg != nullptr ? z.msg : "damaged stream") +
                             " after " + std::to_string(*total) + " bytes");
    }
  }
}

}  // namespace nearmiss::maillog
