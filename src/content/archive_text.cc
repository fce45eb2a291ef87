// Plain archives (zip through libzip, tar, 7z, gzip and the rest through
// libarchive): every member is read like an attachment of its own
// (DOCX/XLSX/PPTX/ODF, PDF, HTML, text, and nested zips down to
// max_archive_depth), so a SECRET document inside a zip is seen as it would
// be outside one. Members past max_archive_members, nested archives past the
// depth bound and members that hit a byte, ratio or time bound are limits
// (the message is then incomplete); encrypted members are listed for the
// policy (finding "encrypted-attachment"), never skipped silently.
#include <string>

#include "content/extract.h"
#include "content/stream_archive.h"
#include "content/zip_archive.h"

namespace nearmiss::content {
namespace {

// A member with no type we know by name or magic is read as text when it
// has no NUL in its head: "README", "notes" and "plan.log" are text files.
bool LooksLikeText(std::string_view bytes) {
  return bytes.substr(0, 4096).find('\0') == std::string_view::npos;
}

class ArchiveWalk {
 public:
  ArchiveWalk(std::string_view name, ExtractBudget& budget, Extracted* out)
      : name_(name), budget_(budget), out_(out) {}

  // `prefix` is the path of the archive inside the attachment ("" for the
  // attachment itself, "inner.zip/" below it); `depth` counts archives.
  void Walk(DocType type, std::string_view prefix, std::string_view bytes,
            int depth) {
    if (type == DocType::kArchive) {
      WalkStream(prefix, bytes, depth);
    } else {
      WalkZip(prefix, bytes, depth);
    }
  }

 private:
  std::string Label(std::string_view prefix) const {
    return name_ + (prefix.empty() ? "" : "/") +
           std::string(prefix.substr(0, prefix.size() ? prefix.size() - 1 : 0));
  }

  // Counts a member against max_archive_members; false (a stop) past it.
  bool CountMember() {
    if (++members_ <= budget_.max_archive_members) return true;
    Limit("max-archive-members",
          name_ + ": more than " + std::to_string(budget_.max_archive_members) +
              " archive members; the rest not read");
    return false;
  }

  void WalkStream(std::string_view prefix, std::string_view bytes, int depth) {
    StreamArchive archive(Label(prefix), bytes, out_);
    std::string member;
    bool encrypted = false;
    while (!stopped_) {
      StreamArchive::Entry entry = archive.Next(&member, &encrypted);
      if (entry == StreamArchive::Entry::kEnd ||
          entry == StreamArchive::Entry::kError) {
        break;
      }
      if (entry == StreamArchive::Entry::kSkip) continue;
      if (!CountMember()) return;
      std::string path = std::string(prefix) + member;
      out_->member_names.push_back(path);
      if (encrypted) {
        out_->encrypted_members.push_back(path);
        continue;
      }
      std::string data;
      if (!archive.Read(budget_, &used_, &data)) {
        // A corrupt entry leaves libarchive's stream unusable: stop here,
        // the error already says the attachment was not read to its end.
        stopped_ = archive.stopped();
        break;
      }
      ReadMember(path, data, depth);
    }
  }

  void WalkZip(std::string_view prefix, std::string_view bytes, int depth) {
    ZipArchive zip(Label(prefix), bytes, out_);
    if (!zip.ok()) return;
    zip_int64_t count = zip.size();
    for (zip_int64_t i = 0; i < count && !stopped_; ++i) {
      if (!CountMember()) return;
      const char* member = zip.Name(i);
      if (member == nullptr) continue;
      std::string path = std::string(prefix) + member;
      if (path.ends_with('/')) continue;  // a directory entry
      out_->member_names.push_back(path);
      if (zip.Encrypted(i)) {
        out_->encrypted_members.push_back(path);
        continue;
      }
      std::string data;
      if (!zip.Read(i, budget_, &used_, &data)) {
        stopped_ = zip.stopped();
        continue;
      }
      ReadMember(path, data, depth);
    }
  }

  void ReadMember(const std::string& path, const std::string& data, int depth) {
    if (IsEncryptedOfficeFile(path, data)) {
      out_->encrypted_members.push_back(path);
      return;
    }
    if (const char* unread = UnreadFormat(path, data); unread != nullptr) {
      out_->errors.push_back(name_ + "/" + path + ": " + unread +
                             "; its text is not read");
      return;
    }
    DocType type = ClassifyDocument("", path, data);
    if (type == DocType::kZip || type == DocType::kArchive) {
      if (depth + 1 > budget_.max_archive_depth) {
        // Not a stop: the archive's other members are still read.
        out_->limits.push_back(
            {"max-archive-depth", name_ + "/" + path + ": archives nested deeper than " +
                                      std::to_string(budget_.max_archive_depth) +
                                      "; not read"});
        return;
      }
      Walk(type, path + "/", data, depth + 1);
      return;
    }
    if (type == DocType::kOther && LooksLikeText(data)) type = DocType::kText;
    if (type == DocType::kOther) return;
    Extracted e = ExtractDocument(type, name_ + "/" + path, data, budget_);
    for (std::string& error : e.errors) out_->errors.push_back(std::move(error));
    for (LimitHit& l : e.limits) out_->limits.push_back(std::move(l));
    if (e.encrypted) out_->encrypted_members.push_back(path);
    for (ExtractedMember& m : e.messages) {
      out_->messages.push_back({path, std::move(m.text), "", true, {}});
    }
    if (e.has_text || !e.msip_labels.empty() || !e.classifications.empty()) {
      out_->members.push_back({path, std::move(e.text), std::move(e.msip_labels),
                               e.has_text, std::move(e.classifications)});
    }
    if (budget_.TimeUp()) {
      Limit("max-extraction-time", name_ + ": extraction time limit reached");
    }
  }

  void Limit(std::string bound, std::string detail) {
    out_->limits.push_back({std::move(bound), std::move(detail)});
    stopped_ = true;
  }

  std::string name_;
  ExtractBudget& budget_;
  Extracted* out_;
  std::size_t used_ = 0;     // inflated bytes, the whole attachment
  std::size_t members_ = 0;  // members seen, nested archives included
  bool stopped_ = false;
};

}  // namespace

Extracted ExtractArchive(DocType type, std::string_view name,
                         std::string_view bytes, ExtractBudget& budget) {
  Extracted out;
  ArchiveWalk(name, budget, &out).Walk(type, "", bytes, 1);
  out.has_text = false;  // the members carry the text
  return out;
}

}  // namespace nearmiss::content
