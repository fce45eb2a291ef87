#include "http/postfix_queue.h"

#include <unistd.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "base/ascii.h"
#include "base/process.h"
#include "content/header_encode.h"

namespace nearmiss::http {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// "hold; level=SECRET; rule=secret-external; held for review: ..."
void ParseTag(HeldMessage& m) {
  std::string_view rest = m.tag;
  bool first = true;
  while (!rest.empty()) {
    size_t semi = rest.find("; ");
    std::string_view part = Trim(rest.substr(0, semi));
    rest = semi == std::string_view::npos ? "" : rest.substr(semi + 2);
    if (first) {
      first = false;
      continue;  // the action
    }
    if (part.starts_with("hold-id=")) m.hold_id = part.substr(8);
    else if (part.starts_with("level=")) m.level = part.substr(6);
    else if (part.starts_with("rule=")) m.rule = part.substr(5);
    else if (m.reason.empty()) m.reason = part;
  }
}

}  // namespace

bool IsValidQueueId(std::string_view id) {
  if (id.size() < 6 || id.size() > 32) return false;
  for (char c : id) {
    bool alnum = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    if (!alnum) return false;
  }
  return true;
}

std::vector<HeldMessage> ParseHeldListing(std::string_view lines) {
  std::vector<HeldMessage> out;
  while (!lines.empty()) {
    size_t nl = lines.find('\n');
    std::string_view line = lines.substr(0, nl);
    lines = nl == std::string_view::npos ? "" : lines.substr(nl + 1);
    nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (!j.is_object() || j.value("queue_name", "") != "hold") continue;
    HeldMessage m;
    m.id = j.value("queue_id", "");
    if (!IsValidQueueId(m.id)) continue;
    m.arrival_time = j.value("arrival_time", int64_t{0});
    m.size = j.value("message_size", int64_t{0});
    m.sender = j.value("sender", "");
    if (auto r = j.find("recipients"); r != j.end() && r->is_array()) {
      for (const auto& rc : *r) {
        if (rc.is_object()) m.recipients.push_back(rc.value("address", ""));
      }
    }
    out.push_back(std::move(m));
  }
  return out;
}

void ParseHeldContent(std::string_view text, std::string_view tag_header, size_t preview_bytes,
                      HeldMessage& m) {
  bool in_headers = true;
  std::string name, value;
  auto flush = [&] {
    if (name.empty()) return;
    std::string_view v = Trim(value);
    // Decoded (RFC 2047) as the notice shows it: the confirm page, the
    // admin API and the console showed "=?UTF-8?Q?R=C3=A9union...?=" (round
    // 47's tester 14, finding 8).
    if (EqualsNoCase(name, "Subject") && m.subject.empty()) m.subject = content::DecodedText(v);
    else if (EqualsNoCase(name, "From") && m.from.empty()) m.from = v;
    else if (EqualsNoCase(name, "Message-ID") && m.message_id.empty()) m.message_id = v;
    else if (EqualsNoCase(name, tag_header) && m.tag.empty()) m.tag = v;
    name.clear();
    value.clear();
  };
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? "" : text.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    // postcat's section markers: "*** HEADER EXTRACTED ID ***" and the like.
    if (line.starts_with("*** ") && line.ends_with(" ***")) continue;
    if (preview_bytes > 0) {
      m.source += line;
      m.source += '\n';
    }
    if (in_headers) {
      if (line.empty()) {
        flush();
        in_headers = false;
        continue;
      }
      if (line[0] == ' ' || line[0] == '\t') {
        value += " ";
        value += Trim(line);
        continue;
      }
      flush();
      size_t colon = line.find(':');
      if (colon == std::string_view::npos) continue;
      name = line.substr(0, colon);
      value = line.substr(colon + 1);
      continue;
    }
    if (m.body_preview.size() < preview_bytes) {
      m.body_preview += line.substr(0, preview_bytes - m.body_preview.size());
      m.body_preview += '\n';
    }
  }
  flush();
  if (m.body_preview.size() > preview_bytes) m.body_preview.resize(preview_bytes);
  ParseTag(m);
}

int64_t PostsuperCount(std::string_view output, std::string_view what) {
  // "postsuper: Deleted: 1 message" (postsuper.c's report, on stderr
  // whether or not it is a terminal; "0 messages" when nothing matched).
  std::string key("postsuper: ");
  key.append(what).append(": ");
  for (size_t at = output.find(key); at != std::string_view::npos;
       at = output.find(key, at + 1)) {
    if (at > 0 && output[at - 1] != '\n') continue;
    size_t i = at + key.size();
    int64_t n = 0;
    size_t digits = 0;
    for (; i < output.size() && output[i] >= '0' && output[i] <= '9' && digits < 12; ++i, ++digits) {
      n = n * 10 + (output[i] - '0');
    }
    if (digits > 0 && output.substr(i).starts_with(" message")) return n;
  }
  return -1;
}

Status CheckPostfixTools(const PostfixOptions& options) {
  if (options.command_dir.empty() || options.command_dir[0] != '/') {
    return Status::InvalidArgument("--postfix-bin must be an absolute path (it is '" +
                                   options.command_dir + "'): serve runs postqueue, postsuper "
                                   "and postcat by their full path");
  }
  for (const char* tool : {"postqueue", "postsuper", "postcat"}) {
    std::string path = options.command_dir + "/" + tool;
    if (::access(path.c_str(), X_OK) != 0) {
      return Status::NotFound("--postfix-bin " + options.command_dir + ": " + path + ": " +
                              std::strerror(errno));
    }
  }
  return Status::Ok();
}

Result<ProcessResult> PostfixQueue::Spawn(std::string_view tool, std::vector<std::string> args,
                                          size_t max_output) const {
  std::vector<std::string> argv = {options_.command_dir + "/" + std::string(tool)};
  if (!options_.config_dir.empty()) {
    argv.push_back("-c");
    argv.push_back(options_.config_dir);
  }
  for (std::string& a : args) argv.push_back(std::move(a));
  Result<ProcessResult> r = RunProcess(argv, max_output, options_.timeout);
  // A tool that cannot be run is Postfix failing, never a bad queue id nor
  // a message gone (the issue-14 tester, round 44, finding 5: a relative
  // --postfix-bin answered every held route "not a Postfix queue id").
  if (!r.ok()) {
    std::string why = "cannot run ";
    why += tool;
    why += " (";
    why += argv[0];
    why += "): ";
    // posix_spawn's failure names the path already ("PATH: No such file").
    std::string_view said = r.error().message();
    if (said.starts_with(argv[0] + ": ")) said.remove_prefix(argv[0].size() + 2);
    why += said;
    return Status::IoError(why);
  }
  return r;
}

Result<std::string> PostfixQueue::Run(std::string_view tool, std::vector<std::string> args,
                                      size_t max_output, std::string* err_out) const {
  NM_ASSIGN_OR_RETURN(ProcessResult r, Spawn(tool, std::move(args), max_output));
  if (r.exit_code != 0) {
    std::string err = r.err.substr(0, 300);
    while (!err.empty() && err.back() == '\n') err.pop_back();
    return Status::IoError(std::string(tool) + " exited with " + std::to_string(r.exit_code) +
                           (err.empty() ? "" : ": " + err));
  }
  if (err_out != nullptr) *err_out = std::move(r.err);
  return std::move(r.out);
}

Result<std::vector<HeldMessage>> PostfixQueue::Listing() const {
  NM_ASSIGN_OR_RETURN(std::string out, Run("postqueue", {"-j"}, options_.max_listing_bytes));
  return ParseHeldListing(out);
}

Status PostfixQueue::ReadHeaders(HeldMessage& m, bool with_body) const {
  std::vector<std::string> args = {"-h"};
  if (with_body) args.push_back("-b");
  args.push_back("-q");
  args.push_back(m.id);
  size_t bound = with_body ? std::max<size_t>(options_.max_source_bytes, 256 * 1024) : 256 * 1024;
  // A message that left the queue in between has nothing to read (postcat
  // fails): say so. A postcat that cannot be run at all is said as such.
  NM_ASSIGN_OR_RETURN(ProcessResult out, Spawn("postcat", std::move(args), bound));
  if (out.exit_code != 0) return Status::NotFound(m.id + " is no longer in the queue");
  ParseHeldContent(out.out, options_.tag_header, with_body ? options_.preview_bytes : 0, m);
  m.source_truncated = out.truncated;
  return Status::Ok();
}

Result<std::vector<HeldMessage>> PostfixQueue::ListHeld() const {
  NM_ASSIGN_OR_RETURN(std::vector<HeldMessage> held, Listing());
  std::sort(held.begin(), held.end(),
            [](const HeldMessage& a, const HeldMessage& b) { return a.arrival_time < b.arrival_time; });
  // Reading headers is one postcat each: bound the work of one listing.
  constexpr size_t kMaxEnriched = 200;
  for (size_t i = 0; i < held.size() && i < kMaxEnriched; ++i) {
    (void)ReadHeaders(held[i], false);  // a message gone meanwhile keeps its envelope data
  }
  return held;
}

Result<HeldMessage> PostfixQueue::GetHeld(std::string_view id) const {
  if (!IsValidQueueId(id)) return Status::InvalidArgument("not a Postfix queue id");
  NM_ASSIGN_OR_RETURN(std::vector<HeldMessage> held, Listing());
  for (HeldMessage& m : held) {
    if (m.id != id) continue;
    NM_RETURN_IF_ERROR(ReadHeaders(m, true));
    return std::move(m);
  }
  return Status::NotFound(std::string(id) + " is not in the hold queue");
}

Result<bool> PostfixQueue::Postsuper(std::string_view id, std::vector<std::string> args,
                                     std::string_view what) const {
  std::string err;
  NM_RETURN_IF_ERROR(Run("postsuper", std::move(args), 64 * 1024, &err).status());
  const int64_t count = PostsuperCount(err, what);
  if (count > 0) return true;
  // No count printed (another Postfix's postsuper), or 0: look again.
  // Still held means the act did nothing, and saying it did would fail
  // open; a 0 while still held is not "another action came first" (the
  // issue-14 tester, round 43, finding 9: a queue file postsuper could not
  // move), so postsuper's own words are passed on.
  Result<HeldMessage> still = GetHeld(id);
  if (still.ok()) {
    std::string said;
    for (char c : err.substr(0, 300)) said += (c == '\n' || c == '\r') ? ' ' : c;
    while (!said.empty() && said.back() == ' ') said.pop_back();
    std::string why = "postsuper ";
    if (count == 0) {
      why += what == "Deleted" ? "deleted" : "released";
      why += " 0 messages";
    } else {
      why += "reported no count";
    }
    why += " and ";
    why += id;
    why += " is still in the hold queue";
    if (count == 0 && !said.empty()) {
      why += " (postsuper said: ";
      why += said;
      why += "); see the mail log";
    }
    return Status::IoError(why);
  }
  if (count == 0 && still.error().code() == StatusCode::kNotFound) return false;
  if (still.error().code() != StatusCode::kNotFound) return still.error();
  return true;
}

Result<bool> PostfixQueue::Release(std::string_view id) const {
  NM_ASSIGN_OR_RETURN(HeldMessage m, GetHeld(id));
  NM_ASSIGN_OR_RETURN(bool released, Postsuper(m.id, {"-H", m.id}, "Released from hold"));
  // -H moves it to the deferred queue; -i asks for delivery now rather
  // than at the next queue run.
  if (released) (void)Run("postqueue", {"-i", m.id}, 64 * 1024);
  return released;
}

Result<bool> PostfixQueue::Delete(std::string_view id) const {
  NM_ASSIGN_OR_RETURN(HeldMessage m, GetHeld(id));
  return Postsuper(m.id, {"-d", m.id, "hold"}, "Deleted");
}

Result<int64_t> PostfixQueue::CountHeld() const {
  NM_ASSIGN_OR_RETURN(std::vector<HeldMessage> held, Listing());
  return static_cast<int64_t>(held.size());
}

}  // namespace nearmiss::http
