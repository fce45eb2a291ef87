// Postfix's hold queue, through Postfix's own tools: `postqueue -j` lists,
// `postcat -h -b` reads, `postsuper -H` releases, `postsuper -d` deletes.
// Every tool runs without a shell (process.h), with `-c CONFIG_DIR`, and
// only with a queue id that IsValidQueueId accepts and that is in the hold
// queue right now, so an id can never become an option or touch mail
// outside the hold queue.
//
// Thread safety: PostfixQueue is immutable; its methods may run
// concurrently (Postfix's tools lock the queue themselves).
#ifndef NEARMISS_HTTP_POSTFIX_QUEUE_H_
#define NEARMISS_HTTP_POSTFIX_QUEUE_H_

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/process.h"
#include "nearmiss/status.h"

namespace nearmiss::http {

// Short ids are upper-case hex ("4F2A91C3B"); long ids
// (enable_long_queue_ids) are alphanumeric ("4bG7Rd0cVkz1Xy"). Either way:
// 6 to 32 letters and digits, nothing else.
bool IsValidQueueId(std::string_view id);

struct HeldMessage {
  std::string id;
  int64_t arrival_time = 0;  // unix seconds
  int64_t size = 0;
  std::string sender;
  std::vector<std::string> recipients;
  // From the message's headers (postcat): the milter's tag header parsed
  // into its parts ("hold; level=SECRET; rule=secret-external; ...").
  std::string subject;
  std::string from;
  std::string tag;  // the raw tag header value
  std::string level;
  std::string rule;
  std::string reason;  // the sentence in the tag header
  // The tag header's "hold-id=" part: the mark the milter gave a confirm
  // hold, which its notice's links carry (http/held_link.h); "" for none.
  std::string hold_id;
  std::string message_id;  // the Message-ID header's value as written
  std::string body_preview;  // Get() only: the first bytes of the body
  // Get() only: the header and body as postcat gave them (postcat's
  // section markers left out), at most PostfixOptions::max_source_bytes,
  // for reading the body as a mail client shows it (held_body.h).
  std::string source;
  bool source_truncated = false;  // the message was longer than that
};

struct PostfixOptions {
  std::string config_dir;                // "" for Postfix's default
  std::string command_dir = "/usr/sbin";  // where postqueue & co live
  std::string tag_header = "X-Nearmiss";
  std::chrono::milliseconds timeout{15000};
  size_t max_listing_bytes = 16 << 20;
  size_t preview_bytes = 4096;
  // How much of a held message Get() reads: enough for the text parts
  // before a large attachment.
  size_t max_source_bytes = 2 << 20;
};

// Whether serve can run Postfix's tools from `options.command_dir`
// (--postfix-bin): InvalidArgument for a relative directory (RunProcess
// runs only absolute paths), NotFound naming the first of postqueue,
// postsuper and postcat that is not there or not executable.
Status CheckPostfixTools(const PostfixOptions& options);

class PostfixQueue {
 public:
  explicit PostfixQueue(PostfixOptions options) : options_(std::move(options)) {}

  // Messages in the hold queue, oldest first, each with its headers read.
  Result<std::vector<HeldMessage>> ListHeld() const;
  // kNotFound when `id` is not in the hold queue.
  Result<HeldMessage> GetHeld(std::string_view id) const;
  // Moves a held message back to the queue and asks for delivery now.
  // True when postsuper released it ("Released from hold: 1 message");
  // false when it released nothing ("... 0 messages") and the message has
  // left the hold queue (between the look and the act another action took
  // it). postsuper exits 0 either way, so its count is the answer. A count
  // of 0 with the message still held, or no count and still held, is an
  // error naming what postsuper said.
  Result<bool> Release(std::string_view id) const;
  // Deletes a held message (postsuper -d ID hold: only from the hold queue).
  // True when postsuper deleted it ("Deleted: 1 message"), false when it
  // deleted nothing, as Release.
  Result<bool> Delete(std::string_view id) const;
  // The number of held messages, for /metrics.
  Result<int64_t> CountHeld() const;

  const PostfixOptions& options() const { return options_; }

 private:
  // Runs the tool; a tool that cannot be started is kIoError naming it and
  // its path.
  Result<ProcessResult> Spawn(std::string_view tool, std::vector<std::string> args,
                              size_t max_output) const;
  // The tool's standard output; its standard error too in `err` when asked.
  Result<std::string> Run(std::string_view tool, std::vector<std::string> args,
                          size_t max_output, std::string* err = nullptr) const;
  // postsuper with `args` on held message `id`, its count for `what` read.
  Result<bool> Postsuper(std::string_view id, std::vector<std::string> args,
                         std::string_view what) const;
  Result<std::vector<HeldMessage>> Listing() const;
  Status ReadHeaders(HeldMessage& m, bool with_body) const;

  PostfixOptions options_;
};

// The count postsuper(1) reports on its standard error for `what`
// ("Released from hold", "Deleted"): 1 for "postsuper: Deleted: 1
// message", 0 for "postsuper: Released from hold: 0 messages"; -1 when the
// output has no such line. Exposed for tests.
int64_t PostsuperCount(std::string_view output, std::string_view what);
// Parses `postqueue -j` output (one JSON object per line), keeping the
// messages whose queue_name is "hold". Exposed for tests.
std::vector<HeldMessage> ParseHeldListing(std::string_view json_lines);
// Fills subject, from, message_id, tag, level, rule, reason, hold_id (and the body preview and
// the source when `preview_bytes` > 0) from `postcat -h -b` output. Exposed for tests.
void ParseHeldContent(std::string_view postcat, std::string_view tag_header,
                      size_t preview_bytes, HeldMessage& m);

}  // namespace nearmiss::http

#endif  // NEARMISS_HTTP_POSTFIX_QUEUE_H_
