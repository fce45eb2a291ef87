// ScanPlainMessage (plain_message.h): a one-part text message read without
// GMime's message tree, through the same MessageWalker as the full parse.
#include "content/plain_message.h"

#include <array>
#include <string>
#include <vector>

#include "base/ascii.h"
#include "content/flowed_text.h"
#include "content/gmime_util.h"
#include "content/header_phrases.h"
#include "content/message_walk.h"
#include "content/message_walker.h"
#include "content/plain_header.h"
#include "content/shown_names.h"

namespace nearmiss::content {
namespace {

// GMime's parser marks a part holding an inline OpenPGP block
// (g_mime_part_get_openpgp_data), which the walker reports as encrypted:
// such a body is left to it.
constexpr std::string_view kPgpMarker = "-----BEGIN PGP";

// The fields RFC 5322 3.6 allows once; GMime's parser warns of a second
// with a different value ("conflicting header"), which the full parse
// reports, so a message repeating one is left to it.
constexpr std::array<std::string_view, 11> kSingleFields = {
    "Bcc",        "Cc",         "Date",     "From",    "In-Reply-To", "Message-ID",
    "References", "Reply-To",   "Sender",   "Subject", "To"};

struct Field {
  std::string name;
  std::string raw_value;  // after the colon, folds and line end included
  char* value = nullptr;  // decoded; g_free'd; null when nothing reads it
};

// The message's fields, owning their decoded values.
struct Fields {
  std::vector<Field> list;
  ~Fields() {
    for (Field& f : list) g_free(f.value);
  }
};

bool IsContentField(const std::string& name) { return StartsWithNoCase(name, "Content-"); }

// Splits the header block of `bytes` as GMime's parser does (step_headers:
// a field is its first line and the lines after it that start with a space
// or tab; the raw value is everything after the colon, line ends included)
// into `fields`, and returns where the body starts (after the empty line).
// npos when a line is not that plain: a name with other characters or a
// blank before its colon, a continuation first, a NUL or a CR not before
// LF, no empty line, no field at all. GMime reads those with warnings or
// its own recovery, which the full parse then reports.
std::size_t SplitHeaders(std::string_view bytes, std::vector<Field>* fields) {
  std::size_t at = 0;
  std::size_t value_at = 0;  // of the open field
  auto close = [&](std::size_t end) {
    if (!fields->empty()) fields->back().raw_value.assign(bytes.substr(value_at, end - value_at));
  };
  while (at < bytes.size()) {
    const std::size_t nl = bytes.find('\n', at);
    if (nl == std::string_view::npos) return std::string_view::npos;
    std::string_view line = bytes.substr(at, nl - at);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    for (char c : line) {
      if (c == '\0' || c == '\r') return std::string_view::npos;
    }
    if (line.empty()) {
      if (fields->empty()) return std::string_view::npos;
      close(at);
      return nl + 1;
    }
    if (line.front() == ' ' || line.front() == '\t') {
      if (fields->empty()) return std::string_view::npos;
      at = nl + 1;
      continue;
    }
    close(at);
    std::size_t colon = 0;
    while (colon < line.size() && line[colon] != ':') {
      const unsigned char c = static_cast<unsigned char>(line[colon]);
      if (c <= ' ' || c >= 0x7f) return std::string_view::npos;
      ++colon;
    }
    if (colon == 0 || colon == line.size()) return std::string_view::npos;
    fields->push_back(Field{std::string(line.substr(0, colon)), {}, nullptr});
    value_at = at + colon + 1;
    at = nl + 1;
  }
  return std::string_view::npos;
}

// A second field of a name allowed once (kSingleFields), or a second
// Content-* field of the same name (GMime's check_header_conflict).
bool RepeatsAField(const std::vector<Field>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const std::string& name = fields[i].name;
    bool single = IsContentField(name);
    for (std::string_view s : kSingleFields) single = single || EqualsNoCase(name, s);
    if (!single) continue;
    for (std::size_t j = 0; j < i; ++j) {
      if (EqualsNoCase(fields[j].name, name)) return true;
    }
  }
  return false;
}

// Whether anything reads this field's decoded value: the walker reads the
// Subject, Precedence (bulk_mail.h), the headers read as subjects
// (header_phrases.h) and the packs' label headers; the
// message's Date and Message-ID; the part's Content-Type and encoding. An
// encoded word is decoded anyway, as GMime's parser decodes every value
// and warns of a bad one (only encoded words draw that warning).
bool NeedsValue(const Field& f, const Scanner& scanner) {
  for (std::string_view name : {"Subject", "Precedence", "Date", "Message-ID", "Content-Type",
                                "Content-Transfer-Encoding"}) {
    if (EqualsNoCase(f.name, name)) return true;
  }
  if (IsSubjectPhraseHeader(f.name)) return true;
  return f.raw_value.find("=?") != std::string::npos || scanner.IsLabelHeader(f.name);
}

const Field* Find(const std::vector<Field>& fields, std::string_view name) {
  for (const Field& f : fields) {
    if (EqualsNoCase(f.name, name)) return &f;
  }
  return nullptr;
}

// The body's encoding when the path can read it: absent, 7bit, 8bit,
// binary, quoted-printable or base64 (RFC 2045 section 6). Else (uuencode,
// an unknown name) false.
bool ReadEncoding(const Field* field, GMimeContentEncoding* encoding) {
  *encoding = GMIME_CONTENT_ENCODING_DEFAULT;
  if (field == nullptr) return true;
  *encoding = g_mime_content_encoding_from_string(field->value);
  switch (*encoding) {
    case GMIME_CONTENT_ENCODING_7BIT:
    case GMIME_CONTENT_ENCODING_8BIT:
    case GMIME_CONTENT_ENCODING_BINARY:
    case GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE:
    case GMIME_CONTENT_ENCODING_BASE64:
      return true;
    default:
      return false;
  }
}

// Whether the body, raw or decoded from base64, holds an OpenPGP block's
// first line.
bool HoldsPgpBlock(std::string_view body, GMimeContentEncoding encoding) {
  if (body.find(kPgpMarker) != std::string_view::npos) return true;
  if (encoding != GMIME_CONTENT_ENCODING_BASE64) return false;
  PartContent content(body, encoding);
  std::string decoded;
  content.Read(body.size(), &decoded);
  return decoded.find(kPgpMarker) != std::string::npos;
}

}  // namespace

std::optional<ScannedMessage> ScanPlainMessage(std::string_view bytes, std::size_t size,
                                               std::string_view source, const Scanner& scanner,
                                               Scratch& scratch, const ContentLimits& limits) {
  Fields fields;
  const std::size_t body_at = SplitHeaders(bytes, &fields.list);
  if (body_at == std::string_view::npos || RepeatsAField(fields.list)) return std::nullopt;
  if (Find(fields.list, "Content-Disposition") != nullptr) return std::nullopt;
  std::vector<std::string> warnings;
  // Made on first use: a plain ASCII message needs no GMime parser call.
  std::optional<ParserOptions> parser_options;
  auto options = [&] {
    if (!parser_options) parser_options.emplace(&warnings);
    return parser_options->get();
  };
  for (Field& f : fields.list) {
    if (!NeedsValue(f, scanner)) continue;
    // As g_mime_header_get_value decodes it (plain_header.h: text that
    // decodes to itself is kept as unfolded).
    char* unfolded = g_mime_utils_header_unfold(f.raw_value.c_str());
    if (DecodesToItself(unfolded)) {
      f.value = unfolded;
      continue;
    }
    f.value = g_mime_utils_header_decode_text(options(), unfolded);
    g_free(unfolded);
  }
  if (!warnings.empty()) return std::nullopt;

  // The Content-Type as both GMime's parser (on the raw value) and the part
  // (on the decoded one) read it: alike when it is ASCII without an encoded
  // word.
  GPtr<GMimeContentType> type;
  if (const Field* f = Find(fields.list, "Content-Type")) {
    for (char c : f->raw_value) {
      if (static_cast<unsigned char>(c) >= 0x80) return std::nullopt;
    }
    if (f->raw_value.find("=?") != std::string::npos) return std::nullopt;
    type.reset(g_mime_content_type_parse(options(), f->value));
    if (!warnings.empty() || !g_mime_content_type_is_type(type.get(), "text", "*") ||
        g_mime_content_type_get_parameter(type.get(), "name") != nullptr) {
      return std::nullopt;
    }
  }
  GMimeContentEncoding encoding;
  if (!ReadEncoding(Find(fields.list, "Content-Transfer-Encoding"), &encoding)) {
    return std::nullopt;
  }
  const std::string_view body = bytes.substr(body_at);
  if (HoldsPgpBlock(body, encoding)) return std::nullopt;

  ScannedMessage out;
  out.source = std::string(source);
  GPtr<InternetAddressList> from;
  std::optional<std::string> bare_from;  // BareAddrSpec's, when it answers
  std::vector<HeaderView> head;
  head.reserve(fields.list.size());
  for (const Field& f : fields.list) {
    if (IsContentField(f.name)) continue;
    head.push_back({f.name.c_str(), f.raw_value.c_str(), f.value});
    if (EqualsNoCase(f.name, "From")) {
      bare_from = BareAddrSpec(f.raw_value);
      if (bare_from) continue;
      // GMime's message keeps what it parsed of a From it could not parse
      // to the end; internet_address_list_parse keeps nothing then: such
      // a From is left to the full parse.
      from.reset(internet_address_list_parse(options(), f.raw_value.c_str()));
      if (!from && f.raw_value.find_first_not_of(" \t\r\n") != std::string::npos) {
        return std::nullopt;
      }
    } else if (EqualsNoCase(f.name, "Subject")) {
      out.subject = OrEmpty(f.value);
    } else if (EqualsNoCase(f.name, "Message-ID")) {
      if (std::optional<std::string> id = PlainMessageId(f.value != nullptr ? f.value : "")) {
        out.message_id = std::move(*id);
        continue;
      }
      char* id = g_mime_utils_decode_message_id(f.value);
      out.message_id = OrEmpty(id);
      g_free(id);
    } else if (EqualsNoCase(f.name, "Date")) {
      if (std::optional<int64_t> date = PlainDate(f.value != nullptr ? f.value : "")) {
        out.date = *date;
      } else if (GDateTime* date = g_mime_utils_header_decode_date(f.value)) {
        out.date = g_date_time_to_unix(date);
        g_date_time_unref(date);
      }
    }
  }
  if (!warnings.empty()) return std::nullopt;
  if (bare_from) {
    out.from = std::move(*bare_from);
  } else {
    if (!from) from.reset(internet_address_list_new());
    out.from = AddressListString(from.get());
  }

  MessageWalker walker(scanner, scratch, limits, &out);
  if (WalkHead(head, size, walker, &out)) {
    LeafPart leaf;
    leaf.mime_type = "text/plain";
    if (type) {
      char* mime_type = g_mime_content_type_get_mime_type(type.get());
      leaf.mime_type = OrEmpty(mime_type);
      g_free(mime_type);
      leaf.charset = g_mime_content_type_get_parameter(type.get(), "charset");
      leaf.flowed = IsFlowed(g_mime_content_type_get_parameter(type.get(), "format"));
      leaf.delsp = IsDelsp(g_mime_content_type_get_parameter(type.get(), "delsp"));
    }
    PartContent content(body, encoding);
    walker.WalkBodyLeaf(leaf, content);
    walker.RereadSubjectOverSurprise();
  }
  out.sensitivity.Corroborate();
  EscapeShownNames(&out);
  return out;
}

}  // namespace nearmiss::content
