// A gzip file's members' names and comments (gzip_members.h).
#include "content/gzip_members.h"

#include <zlib.h>

#include <algorithm>
#include <array>

namespace nearmiss::content {
namespace {

constexpr unsigned char kId1 = 0x1f, kId2 = 0x8b;

// ISO 8859-1 (RFC 1952 2.3.1) as UTF-8.
std::string Latin1ToUtf8(std::string_view latin1) {
  std::string out;
  for (unsigned char c : latin1) {
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  return out;
}

bool OpensMember(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == kId1 &&
         static_cast<unsigned char>(bytes[1]) == kId2;
}

// A zero-terminated string zlib wrote into `buffer` (cut at its size).
std::string Terminated(const std::vector<Bytef>& buffer) {
  std::size_t n = 0;
  while (n < buffer.size() && buffer[n] != 0) ++n;
  return Latin1ToUtf8(std::string_view(reinterpret_cast<const char*>(buffer.data()), n));
}

}  // namespace

GzipMember FirstGzipMember(std::string_view bytes) {
  GzipMember out;
  constexpr std::size_t kFixed = 10;
  if (bytes.size() < kFixed || !OpensMember(bytes)) return out;
  const auto flags = static_cast<unsigned char>(bytes[3]);
  constexpr unsigned char kExtra = 4, kName = 8, kComment = 16;
  std::size_t at = kFixed;
  if ((flags & kExtra) != 0) {
    if (at + 2 > bytes.size()) return out;
    at += 2 + (static_cast<unsigned char>(bytes[at]) | static_cast<unsigned char>(bytes[at + 1]) << 8);
  }
  auto field = [&bytes, &at](std::string* into) {
    if (at >= bytes.size()) return;
    const std::size_t end = std::min(bytes.find('\0', at), bytes.size());
    *into = Latin1ToUtf8(bytes.substr(at, end - at));
    at = end + 1;
  };
  if ((flags & kName) != 0) field(&out.name);
  if ((flags & kComment) != 0) field(&out.comment);
  return out;
}

bool LaterGzipMembers(std::string_view bytes, std::size_t max_inflated,
                      std::vector<GzipMember>* members, std::string* error) {
  z_stream z{};
  // 16 + 15: a gzip wrapper (zlib.h, inflateInit2), the largest window.
  if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) {
    *error = "zlib could not start";
    return false;
  }
  // A name or comment longer than this is cut (zlib keeps the head).
  constexpr std::size_t kFieldMax = 64 * 1024;
  std::vector<Bytef> name(kFieldMax), comment(kFieldMax);
  std::array<Bytef, 64 * 1024> sink;
  std::size_t inflated = 0;
  std::size_t at = 0;
  bool ok = true;
  for (std::size_t member = 0; ok && at < bytes.size() && OpensMember(bytes.substr(at)); ++member) {
    gz_header head{};
    head.name = name.data();
    head.name_max = static_cast<uInt>(name.size());
    head.comment = comment.data();
    head.comm_max = static_cast<uInt>(comment.size());
    name[0] = comment[0] = 0;
    if (member > 0 && inflateReset(&z) != Z_OK) break;
    inflateGetHeader(&z, &head);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data() + at));
    z.avail_in = static_cast<uInt>(std::min<std::size_t>(bytes.size() - at, 1u << 30));
    int rc = Z_OK;
    while (rc == Z_OK) {
      z.next_out = sink.data();
      z.avail_out = static_cast<uInt>(sink.size());
      rc = inflate(&z, Z_NO_FLUSH);
      inflated += sink.size() - z.avail_out;
      if (inflated > max_inflated) {
        *error = "the gzip file inflates past " + std::to_string(max_inflated) +
                 " bytes before its last member";
        ok = false;
        break;
      }
    }
    if (!ok) break;
    if (rc != Z_STREAM_END) {
      *error = "gzip member " + std::to_string(member + 1) + " is corrupt or cut short";
      ok = false;
      break;
    }
    if (member > 0) {
      members->push_back({head.name != Z_NULL ? Terminated(name) : "",
                          head.comment != Z_NULL ? Terminated(comment) : ""});
    }
    at = static_cast<std::size_t>(reinterpret_cast<const char*>(z.next_in) - bytes.data());
  }
  inflateEnd(&z);
  return ok;
}

}  // namespace nearmiss::content
