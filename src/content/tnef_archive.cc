#include "content/tnef_archive.h"

// ytnef.h declares C functions without extern "C".
extern "C" {
#include <ytnef.h>
}

#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace nearmiss::content {
namespace {

std::string Bytes(const variableLength* v) {
  if (v == nullptr || v->data == nullptr || v->size <= 0) return "";
  return std::string(reinterpret_cast<const char*>(v->data),
                     static_cast<std::size_t>(v->size));
}

// A name libytnef keeps with its terminating NUL.
std::string Name(const variableLength* v) {
  std::string s = Bytes(v);
  while (!s.empty() && s.back() == '\0') s.pop_back();
  return s;
}

// Frees the parse on every path.
struct Parsed {
  TNEFStruct tnef;
  // TNEFInitialize leaves Debug as it finds it, and TNEFParseMemory prints
  // a trace on stdout when it is set: an uninitialised one put 64 DEBUG
  // lines before `scan --json`'s output. Value-initialised, then set.
  Parsed() : tnef{} {
    TNEFInitialize(&tnef);
    tnef.Debug = 0;
  }
  ~Parsed() { TNEFFree(&tnef); }
  Parsed(const Parsed&) = delete;
  Parsed& operator=(const Parsed&) = delete;
};

std::uint32_t Le32(std::string_view b, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 2])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 3])) << 24;
}

// [MS-OXTNEF] 2.1.3.1: after the signature and the key (6 bytes), each
// attribute is its level (1 byte), its tag (4: the type in the high word,
// the id in the low), its length (4), its data and a checksum (2).
// libytnef hands an attribute to its reader by the whole tag, so a message
// body (attBody, id 0x800C, 2.1.3.3.1) written with another type than
// atpText (2) is dropped without a word and the stream read as if it had
// none. This walk only finds such a body's type (bounds checked, nothing
// decoded); 0 when there is none.
constexpr std::uint32_t kBodyId = 0x800C;
constexpr std::uint32_t kAtpText = 2;
std::uint32_t OddBodyType(std::string_view b) {
  if (b.size() < 6) return 0;
  for (std::size_t at = 6; b.size() - at >= 9;) {
    const std::uint32_t tag = Le32(b, at + 1);
    const std::uint32_t length = Le32(b, at + 5);
    if ((tag & 0xFFFF) == kBodyId && (tag >> 16) != kAtpText) return tag >> 16;
    if (length > b.size() - at - 9 || b.size() - at - 9 - length < 2) break;
    at += 9 + std::size_t{length} + 2;
  }
  return 0;
}

}  // namespace

bool IsTnef(std::string_view bytes) {
  return bytes.substr(0, 4) == std::string_view("\x78\x9f\x3e\x22", 4);
}

bool ReadTnef(std::string_view bytes, std::vector<TnefFile>* files,
              std::vector<std::string>* unread, std::string* error) {
  Parsed parsed;
  // libytnef reads the buffer only; the cast drops a const its API lacks.
  std::string copy(bytes);
  if (TNEFParseMemory(reinterpret_cast<BYTE*>(copy.data()),
                      static_cast<long>(copy.size()), &parsed.tnef) != 0) {
    *error = "not a TNEF stream libytnef can parse";
    return false;
  }
  TNEFStruct& t = parsed.tnef;
  if (std::uint32_t type = OddBodyType(bytes); type != 0) {
    unread->push_back("the message body (attBody) is of type " + std::to_string(type) +
                      ", not text (2); it is not read");
  }
  if (std::string body = Name(&t.body); !body.empty()) {
    files->push_back({"body.txt", std::move(body)});
  }
  if (variableLength* rtf = MAPIFindProperty(
          &t.MapiProperties, PROP_TAG(PT_BINARY, PR_RTF_COMPRESSED));
      rtf != MAPI_UNDEFINED) {
    int size = 0;
    if (BYTE* raw = DecompressRTF(rtf, &size); raw != nullptr) {
      files->push_back({"body.rtf", std::string(reinterpret_cast<char*>(raw),
                                                static_cast<std::size_t>(size))});
      free(raw);
    } else {
      // Unreadable all the same (an unclosed group), named for why.
      files->push_back({"body.rtf (compressed RTF libytnef could not decompress)", "{\\rtf"});
    }
  }
  int n = 0;
  // ::Attachment is libytnef's, not content::Attachment (extract.h).
  for (::Attachment* a = t.starting_attach.next; a != nullptr; a = a->next) {
    ++n;
    std::string name;
    if (variableLength* v = MAPIFindProperty(
            &a->MAPI, PROP_TAG(PT_STRING8, PR_ATTACH_LONG_FILENAME));
        v != MAPI_UNDEFINED) {
      name = Name(v);
    }
    if (name.empty()) name = Name(&a->Title);
    if (name.empty()) name = "attachment" + std::to_string(n);
    files->push_back({std::move(name), Bytes(&a->FileData)});
  }
  return true;
}

}  // namespace nearmiss::content
