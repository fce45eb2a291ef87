#include "content/tnef_archive.h"

// ytnef.h declares C functions without extern "C".
extern "C" {
#include <ytnef.h>
}

#include <cstdint>
#include <cstdio>
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

// [MS-OXTNEF] 2.1.3.1 again, every attribute checked before libytnef
// sees the stream: one of length 0, one running past the end, or a
// checksum (the sum of its data bytes, modulo 65536) that does not match
// makes libytnef print "ERROR: ..." on stdout, which broke `scan --json`'s
// JSON Lines (round 46's tester 13, item 4), and fail. Refused here
// instead, naming the attribute; "" when every attribute is whole.
std::string StreamError(std::string_view b) {
  if (b.size() < 6) return "a TNEF stream shorter than its signature and key";
  if (Le32(b, 0) != 0x223E9F78) return "it does not open with the TNEF signature 0x223E9F78";
  std::size_t n = 0;
  for (std::size_t at = 6; at < b.size(); ++n) {
    if (b.size() - at < 9) return "attribute " + std::to_string(n + 1) + " is cut short";
    const std::uint32_t tag = Le32(b, at + 1);
    const std::uint32_t length = Le32(b, at + 5);
    char where[64];
    std::snprintf(where, sizeof where, "attribute %zu (tag 0x%08X)", n + 1, tag);
    if (length == 0) return std::string(where) + " has length 0";
    if (length > b.size() - at - 9 || b.size() - at - 9 - length < 2) {
      return std::string(where) + " runs past the end of the stream";
    }
    std::uint32_t sum = 0;
    for (std::size_t i = 0; i < length; ++i) sum += static_cast<unsigned char>(b[at + 9 + i]);
    const std::size_t check_at = at + 9 + length;
    const std::uint32_t checksum = static_cast<unsigned char>(b[check_at]) |
                                   static_cast<std::uint32_t>(static_cast<unsigned char>(b[check_at + 1])) << 8;
    if ((sum & 0xFFFF) != checksum) return std::string(where) + " fails its checksum";
    at = check_at + 2;
  }
  return "";
}

// A MAPI string property's text as UTF-8: PT_STRING8 as stored, PT_UNICODE
// as libytnef stores it, already converted from UTF-16LE to UTF-8; the
// terminating NUL dropped.
std::string PropertyText(const MAPIProps* props, unsigned id) {
  variableLength* v = MAPIFindProperty(const_cast<MAPIProps*>(props), PROP_TAG(PT_STRING8, id));
  if (v != MAPI_UNDEFINED) return Name(v);
  v = MAPIFindProperty(const_cast<MAPIProps*>(props), PROP_TAG(PT_UNICODE, id));
  if (v == MAPI_UNDEFINED || v->data == nullptr || v->size <= 0) return "";
  // Its size is still the UTF-16 one: the text ends at its NUL.
  const char* text = reinterpret_cast<const char*>(v->data);
  return std::string(text, strnlen(text, static_cast<std::size_t>(v->size)));
}

// A binary property's bytes ("" when absent).
std::string PropertyBytes(const MAPIProps* props, unsigned type, unsigned id) {
  variableLength* v = MAPIFindProperty(const_cast<MAPIProps*>(props), PROP_TAG(type, id));
  return v == MAPI_UNDEFINED ? std::string() : Bytes(v);
}

// [MS-OXPROPS] PidTagAttachMethod: 5 is afEmbeddedMessage, an Outlook item
// attached; its message is PidTagAttachDataObject, a PT_OBJECT whose value
// opens with the interface's GUID (IID_IMessage, 16 bytes: [MS-OXTNEF]
// 2.1.3.4) and then holds the attached message as a TNEF stream.
constexpr std::uint32_t kEmbeddedMessage = 5;
constexpr std::size_t kIidSize = 16;

}  // namespace

bool IsTnef(std::string_view bytes) {
  return bytes.substr(0, 4) == std::string_view("\x78\x9f\x3e\x22", 4);
}

bool ReadTnef(std::string_view bytes, std::vector<TnefFile>* files,
              std::vector<std::string>* unread, std::string* error) {
  if (std::string bad = StreamError(bytes); !bad.empty()) {
    *error = "not a TNEF stream libytnef can parse: " + bad;
    return false;
  }
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
  // The subject (attSubject) and the bodies kept as MAPI properties
  // (PR_BODY, PR_BODY_HTML), which Outlook writes beside or instead of
  // attBody: all read (round 46's tester 13, item 3).
  if (std::string subject = Name(&t.subject); !subject.empty()) {
    files->push_back({"subject.txt", std::move(subject)});
  }
  std::string body = Name(&t.body);
  if (!body.empty()) files->push_back({"body.txt", body});
  if (std::string mapi_body = PropertyText(&t.MapiProperties, PR_BODY);
      !mapi_body.empty() && mapi_body != body) {
    files->push_back({"body (PR_BODY).txt", std::move(mapi_body)});
  }
  std::string html = PropertyBytes(&t.MapiProperties, PT_BINARY, PR_BODY_HTML);
  if (html.empty()) html = PropertyText(&t.MapiProperties, PR_BODY_HTML);
  if (!html.empty()) files->push_back({"body.html", std::move(html)});
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
    std::string data = Bytes(&a->FileData);
    // No attAttachData: the bytes are the attachment's own MAPI property,
    // binary (a file) or an object (an attached Outlook item, a TNEF stream
    // after its interface GUID, read as one in turn, within the depth
    // bound of archives).
    if (data.empty()) data = PropertyBytes(&a->MAPI, PT_BINARY, PR_ATTACH_DATA_OBJ);
    if (data.empty()) {
      // A PT_OBJECT value always opens with its interface's IID: what
      // follows is the object (a TNEF stream for an attached message, an
      // OLE storage for an embedded document), read by what it is.
      data = PropertyBytes(&a->MAPI, PT_OBJECT, PR_ATTACH_DATA_OBJ);
      if (data.size() > kIidSize) data.erase(0, kIidSize);
    }
    variableLength* method = MAPIFindProperty(&a->MAPI, PROP_TAG(PT_LONG, PR_ATTACH_METHOD));
    if (data.empty() && method != MAPI_UNDEFINED && method->size >= 4 &&
        Le32(Bytes(method), 0) == kEmbeddedMessage) {
      unread->push_back("the attached Outlook item '" + name +
                        "' (an embedded message) holds no stream that can be read");
      continue;
    }
    files->push_back({std::move(name), std::move(data)});
  }
  return true;
}

}  // namespace nearmiss::content
