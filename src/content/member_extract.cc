// One archive member's extraction folded into its archive's
// (member_extract.h).
#include "content/member_extract.h"

#include <string>
#include <utility>
#include <vector>

#include "content/extract.h"

namespace nearmiss::content {

void AddMemberExtract(const std::string& path, Extracted e, Extracted* out) {
  for (std::string& error : e.errors) out->errors.push_back(std::move(error));
  for (std::string& note : e.notes) out->notes.push_back(std::move(note));
  for (LimitHit& l : e.limits) out->limits.push_back(std::move(l));
  if (e.encrypted) out->encrypted_members.push_back(path);
  // A member is a document, never a message body: both kinds of subject
  // are its own, placed at it.
  std::vector<std::string> subjects = std::move(e.subjects);
  for (std::string& subject : e.document_subjects) subjects.push_back(std::move(subject));
  for (std::string& m : e.member_names) {
    out->member_names.push_back(path + "/" + m);
  }
  for (ExtractedMember& m : e.members) {
    out->members.push_back({path + "/" + m.path, std::move(m.text), std::move(m.msip_labels),
                            m.has_text, std::move(m.classifications), std::move(m.places),
                            std::move(m.subjects)});
  }
  for (ExtractedMember& m : e.messages) {
    out->messages.push_back({m.path.empty() ? path : path + "/" + m.path, std::move(m.text), "",
                             true, {}, {}, {}});
  }
  // A member's deleted text or earlier revisions: read as a member of
  // their own, "annex.docx (deleted text)" (Extracted::hidden).
  for (HiddenText& h : e.hidden) {
    std::string at = path;
    at += " (";
    at += h.label;
    at += ")";
    out->members.push_back({std::move(at), std::move(h.text), "", true, {}, {}, {}});
  }
  if (e.has_text || !e.msip_labels.empty() || !e.classifications.empty() || !subjects.empty()) {
    out->members.push_back({path, std::move(e.text), std::move(e.msip_labels), e.has_text,
                            std::move(e.classifications), std::move(e.places),
                            std::move(subjects)});
  }
}

}  // namespace nearmiss::content
