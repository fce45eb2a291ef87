#include "cli/input_lines.h"

#include <memory>

#include "maillog/utf16.h"

namespace nearmiss::cli {

Status ForEachInputLine(std::istream& in, std::string_view shown,
                        const std::function<void(std::string&)>& line) {
  std::unique_ptr<maillog::Utf16ToUtf8> utf16;
  std::string chunk(64 * 1024, '\0'), text, pending;
  bool first = true;
  uint64_t read = 0;
  auto emit = [&](std::string_view data) -> Status {
    // Text after a mark has none; a NUL here is UTF-16 or UTF-32 with no
    // mark, or a binary file: no address in it can be told.
    if (const size_t nul = data.find('\0'); nul != std::string_view::npos) {
      return Status::ParseError(
          std::string(shown) + ": a NUL byte at byte " + std::to_string(read + nul) +
          ": UTF-16 or UTF-32 text without a byte order mark, or not text; save the list as "
          "UTF-8 (or as UTF-16 with its mark: PowerShell's Out-File writes one)");
    }
    pending.append(data);
    size_t start = 0;
    for (size_t nl = pending.find('\n'); nl != std::string::npos; nl = pending.find('\n', start)) {
      std::string one = pending.substr(start, nl - start);
      if (!one.empty() && one.back() == '\r') one.pop_back();
      line(one);
      start = nl + 1;
    }
    pending.erase(0, start);
    return Status::Ok();
  };
  while (in) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    std::string_view data(chunk.data(), static_cast<size_t>(in.gcount()));
    if (data.empty()) break;
    if (first) {
      first = false;
      if (const char* enc = maillog::Utf16Encoding(data)) {
        utf16 = std::make_unique<maillog::Utf16ToUtf8>(enc);
        data.remove_prefix(2);
        read = 2;
      } else if (data.starts_with("\xEF\xBB\xBF")) {
        // Notepad's and Excel's "UTF-8": no part of the first address.
        data.remove_prefix(3);
        read = 3;
      }
    }
    if (utf16) {
      if (Status s = utf16->Convert(data, &text); !s.ok()) {
        return Status::ParseError(std::string(shown) + ": " + s.message());
      }
      if (Status s = emit(text); !s.ok()) return s;
    } else if (Status s = emit(data); !s.ok()) {
      return s;
    }
    read += data.size();
  }
  if (utf16) {
    if (Status s = utf16->Finish(); !s.ok()) {
      return Status::ParseError(std::string(shown) + ": " + s.message());
    }
  }
  if (!pending.empty()) {
    if (pending.back() == '\r') pending.pop_back();
    line(pending);
  }
  return Status::Ok();
}

}  // namespace nearmiss::cli
