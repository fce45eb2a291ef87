// Outlook's TNEF container ([MS-OXTNEF]: "winmail.dat",
// application/ms-tnef), read through libytnef: Exchange and Outlook put a
// message's real attachments inside it when they think the recipient reads
// rich text, so it is walked like an archive (archive_text.cc).
#ifndef NEARMISS_CONTENT_TNEF_ARCHIVE_H_
#define NEARMISS_CONTENT_TNEF_ARCHIVE_H_

#include <string>
#include <string_view>
#include <vector>

namespace nearmiss::content {

// [MS-OXTNEF] 2.1.3.1: a TNEF stream opens with the signature 0x223E9F78,
// little-endian.
bool IsTnef(std::string_view bytes);

struct TnefFile {
  std::string name;  // the long file name, else the 8.3 title, else "attachmentN"
  std::string data;
};

// The attachments of a TNEF stream, and its message: the subject
// (attSubject) as "subject.txt", the plain text body (attBody) as
// "body.txt", PR_BODY as "body (PR_BODY).txt" when it differs, PR_BODY_HTML
// as "body.html", the compressed RTF one (PR_RTF_COMPRESSED, decompressed
// by libytnef) as "body.rtf", read as any RTF document (rtf_text.cc). An
// attachment without attAttachData gets the bytes of its
// PR_ATTACH_DATA_OBJ (binary, or an attached Outlook item's TNEF stream,
// which the caller walks in turn). `*unread` gets what the stream holds
// that is not read: a body attribute of another type than text, which
// libytnef skips, and an attached Outlook item with no stream (the caller
// makes the attachment unreadable: docs/fail-closed.md). False, with
// `*error` set, when an attribute is not whole ([MS-OXTNEF] 2.1.3.1:
// length 0, past the end, a wrong checksum; checked before libytnef,
// which prints such errors on stdout) or libytnef cannot parse the stream.
bool ReadTnef(std::string_view bytes, std::vector<TnefFile>* files,
              std::vector<std::string>* unread, std::string* error);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_TNEF_ARCHIVE_H_
