// What a file inside a Maildir is: a message, a control file the IMAP or
// POP server keeps there, or something else.
//
// A Maildir (https://cr.yp.to/proto/maildir.html) holds messages in cur/
// and new/, but mail servers keep their own files beside them: Dovecot's
// dovecot-uidlist, dovecot-uidvalidity*, dovecot.index*, dovecot-keywords,
// dovecot.list.index*, dovecot.mailbox.log*, dovecot-acl*, maildirfolder
// (Maildir++ subfolder marker), maildirsize (Maildir++ quota),
// subscriptions; Courier's courierimap* and courierpop3dsizelist. Those
// are skipped without a word, there or in cur/ and new/. Dot files (.DS_Store, an editor's .swp, a
// delivery agent's hidden temporary) are not messages by the Maildir
// naming rule and are skipped too. Any other file in the Maildir's own
// directory, and a file in cur/ or new/ that does not start as a message
// does (an RFC 5322 header field, or an mbox "From " line), is named as
// not read, never counted as a message.
//
// Thread safety: pure functions (StartsAsMessage reads the file).
#ifndef NEARMISS_CONTENT_MAILDIR_ENTRY_H_
#define NEARMISS_CONTENT_MAILDIR_ENTRY_H_

#include <string>
#include <string_view>

namespace nearmiss::content {

// True for a mail server's control file name in a Maildir (above).
bool IsMaildirControlFile(std::string_view name);

// "" when the file at `path` starts as a message: its first line is a
// header field ("Name: value", RFC 5322 2.2: printable US-ASCII but ':'
// up to the colon) or an mbox "From " line. Otherwise why not, for the
// report: "not a message (it starts with no header field); not read".
std::string NotAMessage(const std::string& path);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_MAILDIR_ENTRY_H_
