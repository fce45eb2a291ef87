#include "http/check_request.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <nlohmann/json.hpp>

#include "base/line_text.h"
#include "nearmiss/address.h"
#include "policy/parse_context.h"

namespace nearmiss::http {
namespace {

// The byte offset of the first Unicode format character (general category
// Cf: U+00AD soft hyphen, U+200B..U+200F zero-width and directional marks,
// U+061C, U+180E, U+FEFF, U+2060..U+2064 ...) in UTF-8 `s`; npos when none
// (ICU's u_charType, Unicode's own table).
size_t FormatCharacterAt(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const size_t at = i;
    UChar32 c;
    U8_NEXT(s.data(), i, s.size(), c);
    if (c >= 0 && u_charType(c) == U_FORMAT_CHAR) return at;
  }
  return std::string_view::npos;
}

// Not http's `Json` (ordered_json, for answers): a request is read
// into a plain object; the name differs so a unity batch sees both.
using RequestJson = nlohmann::json;

// nlohmann's parser keeps its own stack, but a deep document still costs
// memory and time for nothing: refuse it before parsing.
int MaxDepth(std::string_view s) {
  int depth = 0, max = 0;
  bool in_string = false, escaped = false;
  for (char c : s) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '[' || c == '{') max = std::max(max, ++depth);
    else if (c == ']' || c == '}') --depth;
  }
  return max;
}

// "unknown field 'justifcation'; did you mean 'justification'?" when a
// known key is near (policy::Closest, the policy file's own hint).
std::string UnknownField(const std::string& key, const std::vector<std::string>& known) {
  std::string out("unknown field '");
  out.append(key).append("'");
  if (auto near = policy::Closest(key, known)) out.append("; did you mean '").append(*near).append("'?");
  return out;
}

class Reader {
 public:
  Reader(const CheckLimits& limits, ParsedCheck& out) : limits_(limits), out_(out) {}

  void Read(const RequestJson& root) {
    if (!root.is_object()) Error("", "the body must be a JSON object");
    if (root.is_object()) ReadObject(root);
    if (!errors_.empty() && out_.ok) {
      out_.ok = false;
      out_.problem = InvalidBody(std::move(errors_));
    }
  }

 private:
  void ReadObject(const RequestJson& root) {
    static const std::vector<std::string> kKnown = {"from", "to", "cc", "bcc", "subject",
                                                    "body", "attachments", "headers",
                                                    "acknowledge"};
    // Unknown keys are refused so a typo ("too") is not silently ignored.
    RefuseUnknown(root, "", kKnown);
    CheckRequest& r = out_.request;
    ReadString(root, "", "from", r.from);
    ReadSender(r.from);
    ReadString(root, "", "subject", r.subject);
    ReadString(root, "", "body", r.body);
    ReadRecipients(root, "to", RecipientField::kTo);
    ReadRecipients(root, "cc", RecipientField::kCc);
    ReadRecipients(root, "bcc", RecipientField::kBcc);
    ReadAttachments(root);
    ReadHeaders(root);
    ReadAcknowledge(root);
    if (errors_.empty() && r.recipients.empty()) {
      Error("/to", "at least one recipient is needed in to, cc or bcc");
    }
  }

  void Error(std::string pointer, std::string detail) {
    if (errors_.size() < 20) errors_.push_back({std::move(pointer), std::move(detail)});
  }

  // Each key of object `o` (at JSON pointer `base`) not in `known`.
  void RefuseUnknown(const RequestJson& o, const std::string& base,
                     const std::vector<std::string>& known) {
    for (const auto& [key, value] : o.items()) {
      if (std::find(known.begin(), known.end(), key) != known.end()) continue;
      Error(JsonPointer(base, key), UnknownField(key, known));
    }
  }

  // `key` of object `o`, which sits at JSON pointer `base` ("" the body).
  void ReadString(const RequestJson& o, const std::string& base, const char* key,
                  std::string& out) {
    auto it = o.find(key);
    if (it == o.end() || it->is_null()) return;
    if (!it->is_string()) {
      Error(JsonPointer(base, key), std::string("'") + key + "' must be a string");
      return;
    }
    out = it->get<std::string>();
  }

  // `from` is the sender the decision and any acknowledgement are recorded
  // for: one address (RFC 5322 mailbox, a display name allowed), as
  // `check --from` takes it. The null sender "<>" (bounces, RFC 5321
  // 4.5.5) never writes a message in a mail client, and a list or a
  // non-address would record acknowledgements for nobody.
  void ReadSender(const std::string& from) {
    if (from.empty()) return;
    if (from.size() > limits_.max_address_bytes) {
      Error("/from", "'from' longer than " + std::to_string(limits_.max_address_bytes) + " bytes");
      return;
    }
    Result<Address> a = ParseAddress(from);
    if (!a.ok()) {
      Error("/from", "'from' is not an envelope sender address: " + a.error().message());
    }
  }

  void AddAddress(const std::string& pointer, std::string_view text, RecipientField field) {
    if (text.size() > limits_.max_address_bytes) {
      Error(pointer, "address longer than " + std::to_string(limits_.max_address_bytes) + " bytes");
      return;
    }
    // An entry that names no recipient ("", "undisclosed-recipients:;", the
    // usual To of Bcc-only mail) adds none, as Postfix reads it: refusing
    // the request would leave the others unjudged, and an add-in that fails
    // open would send them. An entry is read as pasted (Outlook's
    // unquoted "Okafor, Chidi <c@x>" is one recipient).
    std::vector<std::string> pieces = SplitPastedAddressList(text);
    for (std::string& p : pieces) {
      if (out_.request.recipients.size() >= limits_.max_recipients) {
        TooMany();
        return;
      }
      out_.request.recipients.push_back({std::move(p), field});
    }
  }

  void TooMany() {
    if (!out_.ok) return;
    out_.ok = false;
    out_.problem = TooLarge("more than " + std::to_string(limits_.max_recipients) +
                            " recipients in one check");
  }

  void ReadRecipients(const RequestJson& o, const char* key, RecipientField field) {
    auto it = o.find(key);
    if (it == o.end() || it->is_null()) return;
    std::string base = std::string("/") + key;
    if (it->is_string()) {
      AddAddress(base, it->get_ref<const std::string&>(), field);
      return;
    }
    if (!it->is_array()) {
      Error(base, std::string("'") + key + "' must be an array of address strings");
      return;
    }
    if (it->size() > limits_.max_recipients) {
      TooMany();
      return;
    }
    for (size_t i = 0; i < it->size(); ++i) {
      const RequestJson& a = (*it)[i];
      std::string pointer = base + "/" + std::to_string(i);
      if (!a.is_string()) {
        Error(pointer, "an address must be a string such as \"Bob <bob@army.mil>\"");
        continue;
      }
      AddAddress(pointer, a.get_ref<const std::string&>(), field);
    }
  }

  void ReadAttachments(const RequestJson& o) {
    auto it = o.find("attachments");
    if (it == o.end() || it->is_null()) return;
    if (!it->is_array()) {
      Error("/attachments", "'attachments' must be an array of objects");
      return;
    }
    if (it->size() > limits_.max_attachments) {
      if (out_.ok) {
        out_.ok = false;
        out_.problem = TooLarge("more than " + std::to_string(limits_.max_attachments) +
                                " attachments in one check");
      }
      return;
    }
    for (size_t i = 0; i < it->size(); ++i) {
      const RequestJson& a = (*it)[i];
      std::string pointer = "/attachments/" + std::to_string(i);
      if (!a.is_object()) {
        Error(pointer, "an attachment must be an object {\"name\", \"content_type\", \"size\"}");
        continue;
      }
      static const std::vector<std::string> kAttachment = {"name", "content_type", "size"};
      RefuseUnknown(a, pointer, kAttachment);
      CheckAttachment att;
      ReadString(a, pointer, "name", att.name);
      ReadString(a, pointer, "content_type", att.content_type);
      if (auto s = a.find("size"); s != a.end() && !s->is_null()) {
        if (s->is_number_unsigned() || (s->is_number_integer() && s->get<int64_t>() >= 0)) {
          att.size = s->get<int64_t>();
        } else {
          Error(pointer + "/size", "'size' must be a whole number of bytes");
        }
      }
      out_.request.attachments.push_back(std::move(att));
    }
  }

  void ReadAcknowledge(const RequestJson& o) {
    auto it = o.find("acknowledge");
    if (it == o.end() || it->is_null()) return;
    CheckRequest::Acknowledge& a = out_.request.acknowledge;
    if (it->is_boolean()) {
      a.present = it->get<bool>();
      return;
    }
    if (!it->is_object()) {
      Error("/acknowledge", "'acknowledge' must be true or an object "
                            "{\"justification\", \"recipients\", \"scope\"}");
      return;
    }
    a.present = true;
    static const std::vector<std::string> kAcknowledge = {"justification", "recipients", "scope"};
    RefuseUnknown(*it, "/acknowledge", kAcknowledge);
    ReadString(*it, "/acknowledge", "justification", a.justification);
    std::string scope = "address";
    ReadString(*it, "/acknowledge", "scope", scope);
    if (scope != "address" && scope != "domain") {
      Error("/acknowledge/scope", "'scope' is \"address\" (the default) or \"domain\"");
    }
    a.domain_scope = scope == "domain";
    if (a.justification.size() > 1000) {
      Error("/acknowledge/justification", "a justification of at most 1000 bytes");
    }
    // It goes into the accountable record (audit --events, the console):
    // one line of text, or a sender could write lines that look like
    // another event.
    if (std::string why = JustificationProblem(a.justification); !why.empty()) {
      Error("/acknowledge/justification", why);
    }
    auto r = it->find("recipients");
    if (r == it->end() || r->is_null()) return;
    if (!r->is_array()) {
      Error("/acknowledge/recipients", "'recipients' must be an array of addresses");
      return;
    }
    for (size_t i = 0; i < r->size(); ++i) {
      const RequestJson& v = (*r)[i];
      if (!v.is_string() || v.get_ref<const std::string&>().size() > limits_.max_address_bytes ||
          a.recipients.size() >= limits_.max_recipients) {
        Error("/acknowledge/recipients/" + std::to_string(i), "an address string");
        continue;
      }
      a.recipients.push_back(v.get<std::string>());
    }
  }

  void ReadHeaders(const RequestJson& o) {
    auto it = o.find("headers");
    if (it == o.end() || it->is_null()) return;
    if (!it->is_object() || it->size() > limits_.max_headers) {
      Error("/headers", "'headers' must be an object of at most " +
                            std::to_string(limits_.max_headers) + " name: value strings");
      return;
    }
    for (const auto& [name, value] : it->items()) {
      if (!value.is_string()) {
        Error(JsonPointer("/headers", name), "a header value must be a string");
        continue;
      }
      out_.request.headers.emplace_back(name, value.get<std::string>());
    }
  }

  const CheckLimits& limits_;
  ParsedCheck& out_;
  std::vector<FieldError> errors_;
};

}  // namespace

ParsedCheck ParseCheckRequest(std::string_view body, const CheckLimits& limits) {
  ParsedCheck out;
  if (MaxDepth(body) > limits.max_depth) {
    out.ok = false;
    out.problem = InvalidBody({{"", "JSON nested deeper than " + std::to_string(limits.max_depth)}});
    return out;
  }
  RequestJson root;
  // A key given twice ({"to": [...], "to": [...]}) would have the last one
  // win, silently dropping a recipient list: refuse it, naming the key.
  // The key is named by its JSON pointer (RFC 6901), so the path to it is
  // kept: each open object's last key, each open array's element count.
  using Event = RequestJson::parse_event_t;
  std::vector<std::set<std::string>> keys;  // one set per open object
  struct Open {
    bool array = false;
    std::string token;  // the object's last key, or the array's index
    size_t elements = 0;
  };
  std::vector<Open> path;
  std::string duplicate, duplicate_at;
  auto callback = [&](int depth, Event event, RequestJson& parsed) {
    (void)depth;
    const bool starts = event == Event::object_start || event == Event::array_start ||
                        event == Event::value;
    if (starts && !path.empty() && path.back().array) {
      path.back().token = std::to_string(path.back().elements++);
    }
    if (event == Event::object_start || event == Event::array_start) {
      if (event == Event::object_start) keys.emplace_back();
      path.push_back({event == Event::array_start, "", 0});
    } else if (event == Event::object_end || event == Event::array_end) {
      if (event == Event::object_end && !keys.empty()) keys.pop_back();
      if (!path.empty()) path.pop_back();
    } else if (event == Event::key && !keys.empty() && parsed.is_string()) {
      const std::string key = parsed.get<std::string>();
      if (!path.empty()) path.back().token = key;
      if (!keys.back().insert(key).second && duplicate.empty()) {
        duplicate = key;
        for (const Open& o : path) duplicate_at = JsonPointer(duplicate_at, o.token);
      }
    }
    return true;
  };
  try {
    root = RequestJson::parse(body, callback);
  } catch (const RequestJson::exception& e) {
    // e.what() names the byte offset of the syntax error.
    out.ok = false;
    out.problem = InvalidBody({{"", std::string("the body is not JSON: ") + e.what()}});
    return out;
  }
  if (!duplicate.empty()) {
    out.ok = false;
    out.problem = InvalidBody(
        {{duplicate_at, "the key \"" + duplicate.substr(0, 64) + "\" is given twice"}});
    return out;
  }
  try {
    Reader(limits, out).Read(root);
  } catch (const RequestJson::exception& e) {
    out.ok = false;
    out.problem = InvalidBody({{"", std::string("unexpected JSON: ") + e.what()}});
  }
  return out;
}

std::string OneLineTextProblem(std::string_view text, std::string_view what) {
  const size_t bad = ControlCharacterAt(text);
  const size_t cf = bad == std::string::npos ? FormatCharacterAt(text) : std::string::npos;
  if (bad == std::string::npos && cf == std::string::npos) return "";
  const size_t at = bad != std::string::npos ? bad : cf;
  char hex[16];
  UChar32 c;
  size_t i = at;
  U8_NEXT(text.data(), i, text.size(), c);
  std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(c < 0 ? 0xFFFD : c));
  std::string out(what);
  if (bad != std::string::npos) {
    out += " is one line of text: a control character (line break, escape, bidirectional "
           "override) ";
  } else {
    // Invisible in the console and `audit --events`: two texts that look
    // the same would differ, and RLM/ALM reorder what follows.
    out += " is one line of visible text: an invisible format character (Unicode category Cf: "
           "zero-width, bidirectional mark, soft hyphen) ";
  }
  out.append(hex).append(" at byte ").append(std::to_string(at));
  return out;
}

std::string JustificationProblem(std::string_view text) {
  return OneLineTextProblem(text, "a justification");
}

}  // namespace nearmiss::http
