// MessageWalker: the walk of one message's MIME tree for WalkMessage
// (message_walk.h). message_walker.cc reads headers, subjects, the tree and
// the messages inside it; walk_leaf.cc a leaf part (its bytes, its document
// type, the text extracted and what that holds). Private to src/content.
// One walker per message, on one thread; it writes into the ScannedMessage
// it is given, which must outlive it, and reads the message as the bounds
// of its ContentLimits allow (a bound hit is a "limit" finding and leaves
// the scan incomplete: message_walk.h, AddLimit).
#ifndef NEARMISS_CONTENT_MESSAGE_WALKER_H_
#define NEARMISS_CONTENT_MESSAGE_WALKER_H_

#include <gmime/gmime.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "content/extract.h"
#include "nearmiss/content_reader.h"

namespace nearmiss::content {

inline std::string OrEmpty(const char* s) { return s != nullptr ? s : ""; }

class MessageWalker {
 public:
  MessageWalker(const Scanner& scanner, Scratch& scratch,
                const ContentLimits& limits, ScannedMessage* out);

  // `on_step` (may be null or empty) is told each PDF page read; `size` is
  // the message's, in bytes, for it.
  void OnStep(const std::function<void(const ReadStep&)>* on_step,
              std::size_t size);

  // The label headers of `object`, a message or part, by the packs'
  // label_header tables (labels.toml).
  void ScanHeaders(GMimeObject* object);

  // The subject of `object`, a message: of bulk or list mail (bulk_mail.h)
  // a bare level word needs the message to agree.
  void ScanSubject(GMimeObject* object, std::string_view where,
                   std::string_view subject);

  // `text` at `where`, at most max_text_bytes of it.
  void Scan(TextKind kind, std::string_view where, std::string_view text);

  // `object` and what it holds, `depth` MIME levels down.
  void Walk(GMimeObject* object, int depth);

 private:
  void AddEncrypted(std::string where, const char* what = nullptr);
  void ScanLabelProperties(const std::string& msip_labels,
                           const std::vector<std::string>& classifications,
                           const std::string& where);
  void Report(const Status& s);
  void WalkMultipart(GMimeMultipart* multipart, int depth);
  void WalkAttachedMessage(GMimeMessagePart* part, int depth);
  void WalkInnerMessage(GMimeMessage* inner, const std::string& where,
                        int depth);
  void WalkMessageFile(const std::string& where, const std::string& bytes,
                       int depth);
  void WalkLeaf(GMimePart* part, int depth);
  void ScanExtracted(Extracted text, const std::string& where,
                     const std::string& filename, bool is_attachment,
                     int depth);

  const Scanner& scanner_;
  Scratch& scratch_;
  const ContentLimits& limits_;
  ScannedMessage* out_;
  ExtractBudget budget_;
  const std::function<void(const ReadStep&)>* on_step_ =
      nullptr;            // WalkMessage's
  std::size_t size_ = 0;  // the message's, for on_step_
  int parts_ = 0;
  bool stopped_ = false;
  bool bulk_ = false;  // the message is bulk or list mail (ScanSubject)
  bool depth_reported_ = false;
  bool time_reported_ = false;
};

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_MESSAGE_WALKER_H_
