// ContentLimits: the bounds that keep hostile mail from exhausting memory or
// time while a message is read and its attachments are extracted.
//
// Each bound, when hit, becomes a Finding with where == "limit" and the
// message's Sensitivity::complete turns false: never a crash, never silence.
// Defaults suit a mail server (a 50 MB message is already unusual).
//
// Thread safety: a plain value.
#ifndef NEARMISS_CONTENT_LIMITS_H_
#define NEARMISS_CONTENT_LIMITS_H_

#include <chrono>
#include <cstddef>

namespace nearmiss::content {

struct ContentLimits {
  // Bytes of one message read from a file or mbox; the rest is not parsed.
  std::size_t max_message_bytes = 64u << 20;  // 64 MiB
  // Multipart / message/rfc822 nesting below the top level.
  int max_mime_depth = 32;
  // Leaf and container parts walked per message.
  int max_parts = 1000;
  // Decompressed bytes read out of one archive or office file (zip bombs).
  std::size_t max_attachment_bytes = 32u << 20;  // 32 MiB
  // Zip archives nested in a zip attachment, the attachment itself counting
  // as 1: a zip in a zip is depth 2. Deeper ones are not opened.
  int max_archive_depth = 4;
  // Members read from one zip attachment, nested archives' members included.
  std::size_t max_archive_members = 1000;
  // A zip member (in an archive or an office file) may inflate to this many
  // times its compressed size; judged once it passes 1 MiB, so small
  // members of repeated text are not caught. Zip bombs inflate by 1000 and
  // more; text and office XML by 5 to 50.
  std::size_t max_compression_ratio = 200;
  // Decompressed bytes across every attachment of one message.
  std::size_t max_total_bytes = 128u << 20;  // 128 MiB
  // Wall time spent extracting text from one message's attachments.
  std::chrono::milliseconds max_extraction_time{10'000};
  // Text scanned per part; beyond it the part is cut (reported as a limit).
  std::size_t max_text_bytes = 16u << 20;  // 16 MiB
  // A picture sent as an attachment or an archive member (a scanned page
  // as TIFF, JPEG, PNG) is an unreadable part, as a PDF page that is only
  // a picture is: nothing reads its text (src/content/picture_parts.h;
  // the HTML body's own inline pictures are not counted). false: pictures
  // pass unread and uncounted. Policy: [limits] pictures_unreadable.
  bool pictures_unreadable = true;
};

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_LIMITS_H_
