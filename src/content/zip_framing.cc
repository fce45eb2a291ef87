#include "content/zip_framing.h"

#include <algorithm>
#include <cstdint>

namespace nearmiss::content {
namespace {

// Record sizes and signatures, APPNOTE.TXT 4.3.7, 4.3.12, 4.3.14-4.3.16.
constexpr std::size_t kEocd = 22, kCentral = 46, kLocal = 30;
constexpr std::size_t kLocator = 20, kEocd64 = 56;
constexpr std::size_t kMaxComment = 0xFFFF;
constexpr std::string_view kLocalSig("PK\x03\x04", 4);
constexpr std::string_view kCentralSig("PK\x01\x02", 4);
constexpr std::string_view kEocdSig("PK\x05\x06", 4);
constexpr std::string_view kLocatorSig("PK\x06\x07", 4);
constexpr std::string_view kEocd64Sig("PK\x06\x06", 4);
constexpr std::uint32_t kZip64Mark = 0xFFFFFFFFu;

std::uint64_t Le(std::string_view b, std::size_t at, int bytes) {
  std::uint64_t v = 0;
  for (int k = bytes - 1; k >= 0; --k) {
    v = (v << 8) | static_cast<unsigned char>(b[at + static_cast<std::size_t>(k)]);
  }
  return v;
}

bool SigAt(std::string_view b, std::size_t at, std::string_view sig) {
  return at <= b.size() && b.size() - at >= sig.size() && b.compare(at, sig.size(), sig) == 0;
}

// The last end record whose fixed part fits, searched as unzip and Python
// search: from the end back over at most a maximal comment.
std::size_t FindEocd(std::string_view b) {
  if (b.size() < kEocd) return std::string_view::npos;
  for (std::size_t i = b.size() - kEocd + 1; i-- > 0;) {
    if (b.size() - i > kEocd + kMaxComment) break;
    if (SigAt(b, i, kEocdSig)) return i;
  }
  return std::string_view::npos;
}

// One central-directory entry's member: [local, data_end) relative to the
// archive's start.
struct Span {
  std::uint64_t local;
  std::uint64_t data_end;
};

// The Zip64 extended information extra field (APPNOTE.TXT 4.5.3): the
// 8-byte values present are those whose 32-bit field is 0xFFFFFFFF, in the
// order uncompressed size, compressed size, local header offset.
void ApplyZip64Extra(std::string_view extra, std::uint64_t* uncompressed,
                     std::uint64_t* compressed, std::uint64_t* local) {
  for (std::size_t at = 0; at + 4 <= extra.size();) {
    std::size_t id = Le(extra, at, 2), len = Le(extra, at + 2, 2);
    if (at + 4 + len > extra.size()) return;
    if (id == 1) {
      std::size_t p = at + 4;
      for (std::uint64_t* v : {uncompressed, compressed, local}) {
        if (*v != kZip64Mark) continue;
        if (p + 8 > at + 4 + len) return;
        *v = Le(extra, p, 8);
        p += 8;
      }
      return;
    }
    at += 4 + len;
  }
}

}  // namespace

bool FrameZip(std::string_view b, ZipFrame* frame, std::string* error) {
  *frame = ZipFrame{};
  std::size_t eocd = FindEocd(b);
  if (eocd == std::string_view::npos) {
    *error = "no zip end-of-central-directory record in its last 64 KiB";
    return false;
  }
  std::uint64_t cd_size = Le(b, eocd + 12, 4), cd_offset = Le(b, eocd + 16, 4);
  std::size_t cd_end = eocd;
  if (eocd >= kLocator + kEocd64 && SigAt(b, eocd - kLocator, kLocatorSig)) {
    // Python takes the Zip64 record to sit just before its locator.
    std::size_t rec = eocd - kLocator - kEocd64;
    if (!SigAt(b, rec, kEocd64Sig)) {
      *error = "Zip64 end record missing before its locator";
      return false;
    }
    cd_size = Le(b, rec + 40, 8);
    cd_offset = Le(b, rec + 48, 8);
    cd_end = rec;
  }
  if (cd_size > cd_end || cd_offset > cd_end - cd_size) {
    *error = "central directory offset " + std::to_string(cd_offset) +
             " lies past its end record";
    return false;
  }
  const std::size_t cd_start = cd_end - static_cast<std::size_t>(cd_size);
  frame->start = cd_start - static_cast<std::size_t>(cd_offset);
  frame->end = std::min(b.size(), eocd + kEocd + Le(b, eocd + 20, 2));
  std::string_view prefix = b.substr(0, frame->start);
  frame->prefix_has_zip = prefix.find(kLocalSig) != std::string_view::npos ||
                          prefix.find(kEocdSig) != std::string_view::npos;

  std::string_view zip = b.substr(frame->start, frame->end - frame->start);
  std::vector<Span> spans;
  bool locals_whole = true;  // local_encrypted still lines up with the directory
  for (std::size_t at = cd_start - frame->start; at < cd_offset + cd_size;) {
    if (at + kCentral > cd_offset + cd_size || !SigAt(zip, at, kCentralSig)) {
      *error = "central directory entry at offset " + std::to_string(at) +
               " is malformed";
      return false;
    }
    std::size_t name = Le(zip, at + 28, 2), extra = Le(zip, at + 30, 2);
    std::size_t comment = Le(zip, at + 32, 2);
    std::uint64_t compressed = Le(zip, at + 20, 4), uncompressed = Le(zip, at + 24, 4);
    std::uint64_t local = Le(zip, at + 42, 4);
    std::size_t extra_at = at + kCentral + name;
    if (extra_at + extra <= zip.size()) {
      ApplyZip64Extra(zip.substr(extra_at, extra), &uncompressed, &compressed, &local);
    }
    std::string_view central_name = zip.substr(std::min(at + kCentral, zip.size()), name);
    const std::uint64_t central_method = Le(zip, at + 10, 2), central_crc = Le(zip, at + 16, 4);
    const std::uint64_t central_compressed = Le(zip, at + 20, 4);
    const std::uint64_t central_uncompressed = Le(zip, at + 24, 4);
    at += kCentral + name + extra + comment;
    if (local > zip.size() || zip.size() - local < kLocal || !SigAt(zip, local, kLocalSig)) {
      locals_whole = false;  // libzip reports the member as unreadable
      continue;
    }
    // The same member named two ways: unzip, Python and libzip (and Office,
    // for a package) go by the directory's name, streaming readers (bsdtar,
    // Java's ZipInputStream) by the local header's, so the two tools show
    // different files (issue 13, round 33 defect 4).
    std::string_view local_name =
        zip.substr(static_cast<std::size_t>(local) + kLocal, Le(zip, local + 26, 2));
    if (local_name != central_name) {
      *error = "member '" + std::string(central_name.substr(0, 100)) +
               "' is named '" + std::string(local_name.substr(0, 100)) +
               "' in its local file header";
      return false;
    }
    // The method, and (unless bit 3 defers them to a data descriptor,
    // APPNOTE.TXT 4.4.4) the CRC and sizes, must agree as well: a reader
    // that trusts the local header decodes other bytes than one that
    // trusts the directory. 0xFFFFFFFF is Zip64's "see the extra field".
    std::string why;
    const std::uint64_t flags = Le(zip, local + 6, 2);
    if (Le(zip, local + 8, 2) != central_method) {
      why = "compression method";
    } else if ((flags & 0x8u) == 0) {
      auto differs = [](std::uint64_t a, std::uint64_t b) {
        return a != b && a != kZip64Mark && b != kZip64Mark;
      };
      if (Le(zip, local + 14, 4) != central_crc) why = "CRC-32";
      else if (differs(Le(zip, local + 18, 4), central_compressed)) why = "compressed size";
      else if (differs(Le(zip, local + 22, 4), central_uncompressed)) why = "size";
    }
    if (!why.empty()) {
      *error = "member '" + std::string(central_name.substr(0, 100)) + "': its local file header " +
               "gives another " + why + " than its central directory entry";
      return false;
    }
    if (locals_whole) frame->local_encrypted.push_back((Le(zip, local + 6, 2) & 1u) != 0);
    std::uint64_t data = local + kLocal + Le(zip, local + 26, 2) + Le(zip, local + 28, 2);
    spans.push_back({local, data + std::min<std::uint64_t>(compressed, zip.size())});
  }

  // A local header outside every member's span is a member no directory
  // lists: unzip and Python do not show it, streaming readers do.
  std::sort(spans.begin(), spans.end(),
            [](const Span& x, const Span& y) { return x.local < y.local; });
  auto unlisted = [&](std::uint64_t from, std::uint64_t to) {
    if (from >= to || from >= zip.size()) return false;
    std::size_t len = static_cast<std::size_t>(std::min<std::uint64_t>(to, zip.size()) - from);
    return zip.substr(static_cast<std::size_t>(from), len).find(kLocalSig) !=
           std::string_view::npos;
  };
  std::uint64_t covered = 0;
  for (const Span& s : spans) {
    if (unlisted(covered, s.local)) {
      *error = "a local file header before offset " + std::to_string(s.local) +
               " belongs to no central directory entry";
      return false;
    }
    covered = std::max(covered, s.data_end);
  }
  if (unlisted(covered, cd_offset)) {
    *error = "a local file header after the last member belongs to no central "
             "directory entry";
    return false;
  }
  if (b.substr(frame->end).find(kLocalSig) != std::string_view::npos) {
    *error = "a local file header follows the archive's end record";
    return false;
  }
  return true;
}

}  // namespace nearmiss::content
