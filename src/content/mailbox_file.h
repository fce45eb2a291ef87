// A mailbox saved as a file and sent as an attachment or zipped in one: an
// mbox (RFC 4155; Thunderbird's folders, Apple Mail's "Sent.mbox/mbox",
// Google Takeout's ".mbox", application/mbox), an MMDF file (messages
// between lines of four Control-A bytes) or one Apple Mail ".emlx"
// message (a decimal byte count on the first line, that many bytes of RFC
// 5322 message, then Apple's XML property list). Each message in it is
// parsed as a message file is (an ".eml" member), so its MIME parts are
// decoded: read as flat text, a base64 body or a zipped document inside
// was never seen while the scan said complete (round 47's tester 13,
// finding 3).
//
// This cuts the file into messages; it parses no MIME (GMime does, in the
// caller). The mbox rules are MboxSplitter's (mbox_split.h).
//
// Thread safety: pure functions.
#ifndef NEARMISS_CONTENT_MAILBOX_FILE_H_
#define NEARMISS_CONTENT_MAILBOX_FILE_H_

#include <optional>
#include <string_view>
#include <vector>

#include "content/extract.h"

namespace nearmiss::content {

// True when the file is an mbox or an .emlx: by its type (application/mbox,
// RFC 4155 section 3), its name ("*.mbox", "mbox" as Apple Mail names the
// file inside a ".mbox" folder, "*.emlx"), or its first bytes (a From_ line
// followed by a header block; an MMDF delimiter followed by one; a byte
// count, a message and Apple's property list).
bool IsMailboxFile(std::string_view mime_type, std::string_view filename,
                   std::string_view bytes);

// True when `bytes` open with a message's header block (RFC 5322 2.2,
// 2.2.3, 3.5): header fields and their folded lines, up to a blank line or
// the end. A sniff by content asks this before it takes text for a
// message, so text that only opens like one ("Q1: revenue up" over "UK
// SECRET") is read as the text it is, never swallowed as bad fields.
bool HeaderBlockParses(std::string_view bytes);

// The message of an Apple Mail .emlx (its byte count's worth after the
// count line; all that follows when the count runs past the end), or
// nullopt when `bytes` is not one. Named ".emlx": a line of decimal digits,
// then a header field. Otherwise the counted bytes must parse as a message
// header and Apple's property list ("<?xml", "<plist") must follow them.
// A view into `bytes`.
std::optional<std::string_view> EmlxMessage(std::string_view filename, std::string_view bytes);

// The messages of `bytes`, each as an ExtractedMember whose `text` is the
// message's bytes and whose `path` says where it is ("message 2 (line
// 31)"; empty for a file of one message). A file that is neither an mbox
// nor an .emlx is returned whole, as one message. `filename` as for
// EmlxMessage.
std::vector<ExtractedMember> MailboxFileMessages(std::string_view filename,
                                                 std::string_view bytes);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_MAILBOX_FILE_H_
