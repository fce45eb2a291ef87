// MessageWalker::WalkCmsWrapped: an application/pkcs7-mime part that is
// signed, not encrypted (cms_content.h; RFC 8551 3.5.2): the MIME entity
// inside is walked as the part it stands for. Held as "encrypted", every
// opaque-signed message to an outside address was held and the marking
// inside never read (tester 13 item 15). The same bytes under another type
// (a ".p7m" sent as application/octet-stream) come here from ReadLeaf by
// their first bytes (cms_content.h, LooksLikeCmsSignedData; round 42 item 4).
#include <vector>

#include "content/cms_content.h"
#include "content/message_walk.h"
#include "content/message_walker.h"

namespace nearmiss::content {

bool MessageWalker::WalkCmsWrapped(GMimePart* part, int depth) {
  const GMimeSecureMimeType type =
      g_mime_application_pkcs7_mime_get_smime_type(GMIME_APPLICATION_PKCS7_MIME(part));
  // Encrypted, or certificates only: WalkLeaf says so as before.
  if (type == GMIME_SECURE_MIME_TYPE_ENVELOPED_DATA ||
      type == GMIME_SECURE_MIME_TYPE_CERTS_ONLY) {
    return false;
  }
  std::string der;
  {
    PartContent content(part);
    content.Read(limits_.max_message_bytes + 1, &der);
  }
  if (der.size() > limits_.max_message_bytes) return false;
  // The smime-type parameter is the sender's word; the CMS content type
  // decides (an unnamed one may be enveloped or authEnveloped).
  const std::string filename = OrEmpty(g_mime_part_get_filename(part));
  return WalkCmsDer(der, "attachment:" + (filename.empty() ? std::string("smime.p7m") : filename),
                    depth);
}

bool MessageWalker::WalkCmsDer(std::string_view der, const std::string& where, int depth) {
  CmsContent cms = ReadCms(der);
  switch (cms.kind) {
    case CmsKind::kOther:
      return false;
    case CmsKind::kNoContent:
      return true;  // a signature over nothing in this message
    case CmsKind::kCompressed: {
      // Not encrypted, but not read either: the scan is incomplete.
      std::string error = where + ": an S/MIME compressed message (RFC 3274); its content is not read";
      AddLimit(&out_->sensitivity, "unreadable-attachment", error);
      out_->errors.push_back(std::move(error));
      return true;
    }
    case CmsKind::kSigned:
      break;
  }
  GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(cms.content.data(), cms.content.size()));
  GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  std::vector<std::string> warnings;
  ParserOptions options(&warnings);
  GPtr<GMimeObject> inner(g_mime_parser_construct_part(parser.get(), options.get()));
  if (!inner) {
    std::string error = where + ": the signed content is not a MIME entity; not read";
    AddLimit(&out_->sensitivity, "unreadable-attachment", error);
    out_->errors.push_back(std::move(error));
    return true;
  }
  Walk(inner.get(), depth + 1);
  return true;
}

}  // namespace nearmiss::content
