// Plain archives (zip through libzip, tar, 7z, gzip and the rest through
// libarchive): every member is read like an attachment of its own
// (DOCX/XLSX/PPTX/ODF, PDF, HTML, text, and nested zips down to
// max_archive_depth), so a SECRET document inside a zip is seen as it would
// be outside one. Members past max_archive_members, nested archives past the
// depth bound and members that hit a byte, ratio or time bound are limits
// (the message is then incomplete); encrypted members are listed for the
// policy (finding "encrypted-attachment"), never skipped silently.
#include <gmime/gmime.h>

#include <algorithm>
#include <string>

#include "content/content_sniff.h"
#include "content/encrypted_armour.h"
#include "content/encrypted_format.h"
#include "content/extract.h"
#include "content/finder_files.h"
#include "content/member_extract.h"
#include "content/gmime_util.h"
#include "content/stream_archive.h"
#include "content/ole_object.h"
#include "content/picture_parts.h"
#include "content/tnef_archive.h"
#include "content/web_archive.h"
#include "content/windows_shell_files.h"
#include "content/uuencode.h"
#include "content/zip_archive.h"
#include "content/zip_framing.h"

namespace nearmiss::content {
namespace {

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
    } else if (type == DocType::kTnef) {
      WalkTnef(prefix, bytes, depth);
    } else if (type == DocType::kWebArchive) {
      WalkWebArchive(prefix, bytes, depth);
    } else if (type == DocType::kFinderFile) {
      WalkFinder(prefix, bytes, depth);
    } else {
      WalkZip(prefix, bytes, depth);
    }
  }

  // One file embedded in an Office package (ExtractEmbedded), read as a
  // member at `depth`.
  void ReadEmbedded(const std::string& path, const std::string& data, int depth) {
    embedded_ = true;
    if (CountMember()) ReadMember(path, data, depth);
  }

  // Files uuencoded in `text` (ExtractUuencoded), each a member named by
  // its "begin" line.
  void WalkUuencoded(std::string_view text) {
    std::size_t at = 0;
    while (!stopped_ && at < text.size()) {
      std::size_t line_end = text.find('\n', at);
      if (line_end == std::string_view::npos) line_end = text.size();
      std::string_view line = text.substr(at, line_end - at);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      std::string name;
      if (UuBeginLine(line, &name)) {
        std::size_t end = FindUuEnd(text, line_end, line.starts_with("begin-base64 "));
        std::string data = UuDecode(text.substr(at, end - at));
        if (!CountMember()) return;
        out_->member_names.push_back(name);
        if (used_ + data.size() > budget_.per_attachment_bytes) {
          Limit("max-attachment-bytes",
                name_ + "/" + name + ": more than " +
                    std::to_string(budget_.per_attachment_bytes) +
                    " bytes decoded");
          return;
        }
        used_ += data.size();
        ReadMember(name, data, 1);
        at = end;
        continue;
      }
      at = line_end + 1;
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
    // A gzip file's comment, as a zip's is read (ReadComment).
    ReadComment(std::string(prefix) + "(archive comment)", archive.comment(), prefix, depth);
    std::string member;
    bool encrypted = false;
    while (!stopped_) {
      StreamArchive::Entry entry = archive.Next(&member, &encrypted);
      if (entry == StreamArchive::Entry::kEnd) ReadStored(archive, prefix, depth);
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

  // The names and comments stored beside the members (StreamArchive::
  // StoredTexts): a name read as members' names are, a comment as a zip's.
  void ReadStored(StreamArchive& archive, std::string_view prefix, int depth) {
    // Twice the attachment's bound: the stream is decompressed again,
    // headers and padding with the members read within the bound.
    for (StreamArchive::StoredText& t : archive.StoredTexts(2 * budget_.per_attachment_bytes)) {
      if (t.is_name) {
        out_->member_names.push_back(std::string(prefix) + t.text);
      } else {
        ReadComment(std::string(prefix) + t.place, t.text, prefix, depth);
      }
    }
  }

  void WalkTnef(std::string_view prefix, std::string_view bytes, int depth) {
    std::vector<TnefFile> files;
    std::vector<std::string> unread;
    std::string error;
    if (!ReadTnef(bytes, &files, &unread, &error)) {
      out_->errors.push_back(Label(prefix) + ": " + error);
      return;
    }
    for (const std::string& u : unread) out_->errors.push_back(Label(prefix) + ": " + u);
    for (TnefFile& f : files) {
      if (stopped_ || !CountMember()) return;
      ReadSized(std::string(prefix) + f.name, f.data, prefix, depth);
    }
  }

  // One file of a container read whole into memory (a TNEF attachment, a
  // web archive's resource): named, counted against the attachment's
  // bytes, then read as a member.
  void ReadSized(const std::string& path, const std::string& data, std::string_view prefix,
                 int depth) {
    out_->member_names.push_back(path);
    if (used_ + data.size() > budget_.per_attachment_bytes) {
      Limit("max-attachment-bytes", Label(prefix) + ": more than " +
                                        std::to_string(budget_.per_attachment_bytes) + " bytes");
      return;
    }
    used_ += data.size();
    ReadMember(path, data, depth);
  }

  // A zip's archive or member comment (ZipArchive::Comment): read as a
  // text member at `path`, counted against the archive's members and the
  // attachment's bytes as a member is.
  void ReadComment(const std::string& path, std::string_view comment, std::string_view prefix,
                   int depth) {
    if (comment.empty() || stopped_ || !CountMember()) return;
    if (used_ + comment.size() > budget_.per_attachment_bytes) {
      Limit("max-attachment-bytes", Label(prefix) + ": more than " +
                                        std::to_string(budget_.per_attachment_bytes) + " bytes");
      return;
    }
    used_ += comment.size();
    ReadTyped(path, std::string(comment), depth, DocType::kText);
  }

  // Safari's saved page (web_archive.h): the page and the files it loaded,
  // each a member, bounded as a TNEF stream's attachments are.
  void WalkWebArchive(std::string_view prefix, std::string_view bytes, int depth) {
    std::vector<WebResource> resources;
    std::vector<std::string> unread;
    std::string error;
    if (!ReadWebArchive(bytes, &resources, &unread, &error)) {
      out_->errors.push_back(Label(prefix) + ": " + error);
      return;
    }
    for (const std::string& u : unread) out_->errors.push_back(Label(prefix) + ": " + u);
    for (WebResource& r : resources) {
      if (stopped_ || !CountMember()) return;
      ReadSized(std::string(prefix) + r.name, r.data, prefix, depth);
    }
  }

  // An AppleDouble/AppleSingle file or a .DS_Store (finder_files.h): its
  // data fork read as a member, its metadata's words as text.
  void WalkFinder(std::string_view prefix, std::string_view bytes, int depth) {
    std::vector<FinderMember> members;
    std::vector<std::string> unread;
    std::string error;
    std::string label = Label(prefix);
    if (!ReadFinderFile(label, bytes, &members, &unread, &error)) {
      out_->errors.push_back(label + ": " + error);
      return;
    }
    for (std::string& u : unread) out_->errors.push_back(std::move(u) + "; not read");
    for (FinderMember& m : members) {
      if (stopped_ || !CountMember()) return;
      if (m.is_text) {
        // "__MACOSX/._a.docx (Finder metadata)": the file's own path and what was read.
        std::string path(prefix.substr(0, prefix.empty() ? 0 : prefix.size() - 1));
        path += m.name.substr(std::min(m.name.size(), label.size()));
        ReadTyped(path, m.data, depth, DocType::kText);
        continue;
      }
      std::string path = std::string(prefix) + m.name;
      out_->member_names.push_back(path);
      ReadMember(path, m.data, depth);
    }
  }

  // The zip the readers show (zip_framing.h), then each archive found
  // before it: a zip appended to another shows only the last in unzip and
  // Python, the first in libzip, and both in streaming readers, so all are
  // read. What the framing cannot explain is an error (unreadable), and the
  // members that can be read still are.
  void WalkZip(std::string_view prefix, std::string_view bytes, int depth) {
    for (std::string_view rest = bytes; !stopped_;) {
      ZipFrame frame;
      std::string error;
      bool framed = FrameZip(rest, &frame, &error);
      bool placed = frame.end > frame.start;
      bool opened = WalkZipView(
          prefix, placed ? rest.substr(frame.start, frame.end - frame.start) : rest, depth);
      // Not placed and not opened: libzip's error already says why.
      if (!framed && (placed || opened)) out_->errors.push_back(Label(prefix) + ": " + error);
      if (!framed || !frame.prefix_has_zip) return;
      // Each archive before counts as a member: a bound on the loop.
      if (!CountMember()) return;
      rest = rest.substr(0, frame.start);
    }
  }

  // False when libzip cannot open `bytes` (its error added).
  bool WalkZipView(std::string_view prefix, std::string_view bytes, int depth) {
    ZipArchive zip(Label(prefix), bytes, out_);
    if (!zip.ok()) return false;
    zip_int64_t count = zip.size();
    // A member in a method libzip lacks (LZMA, PPMd, ...): libarchive's zip
    // reader has it, within the same bounds.
    for (zip_int64_t i = 0; i < count; ++i) {
      if (!zip.MethodSupported(i)) {
        // libarchive gives no comments: libzip, which read the central
        // directory, still does (round 55's tester 13, finding 4: only
        // this path's archives passed with a comment unread).
        ReadComment(std::string(prefix) + "(archive comment)", zip.Comment(), prefix, depth);
        for (zip_int64_t k = 0; k < count && !stopped_; ++k) {
          if (const char* member = zip.Name(k); member != nullptr) {
            ReadComment(std::string(prefix) + member + " (comment)", zip.Comment(k), prefix,
                        depth);
          }
        }
        WalkStream(prefix, bytes, depth);
        return true;
      }
    }
    ReadComment(std::string(prefix) + "(archive comment)", zip.Comment(), prefix, depth);
    for (zip_int64_t i = 0; i < count && !stopped_; ++i) {
      if (!CountMember()) return true;
      const char* member = zip.Name(i);
      if (member == nullptr) {
        // libzip gives no name only for an entry it cannot describe: what
        // it holds is unknown, not absent.
        out_->errors.push_back(Label(prefix) + ": member " + std::to_string(i) +
                               " has no name libzip can read; not read");
        continue;
      }
      std::string path = std::string(prefix) + member;
      if (path.ends_with('/') && !zip.HoldsBytes(i)) continue;  // a directory
      out_->member_names.push_back(path);
      // Stored in the central directory, in clear even for an encrypted
      // member.
      ReadComment(path + " (comment)", zip.Comment(i), prefix, depth);
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
    return true;
  }

  // An embedded OLE object: the file it holds, or an error naming it.
  void ReadOle(const std::string& path, const std::string& data, int depth) {
    OleObject ole;
    std::string error;
    std::string at = name_ + "/" + path;
    at += ": an OLE object embedded in the document (Insert > Object)";
    if (!ReadOleObject(data, &ole, &error)) {
      out_->errors.push_back(at + " that could not be read: " + error);
      return;
    }
    if (!ole.has_file) {
      out_->errors.push_back(at + ", " + ole.kind + "; its content is not read");
      return;
    }
    if (!CountMember()) return;
    std::string inner = path + "/" + ole.file_name;
    out_->member_names.push_back(inner);
    ReadMember(inner, ole.file, depth);
  }

  void ReadMember(const std::string& path, const std::string& data, int depth) {
    // An OpenPGP or CMS encrypted member ("plan.docx.gpg", "plan.p7m").
    if (IsEncryptedOfficeFile(path, data) ||
        EncryptedFileFormat(std::string_view(data).substr(0, 4096)) != nullptr) {
      out_->encrypted_members.push_back(path);
      return;
    }
    // Explorer's thumbnail cache in a zipped folder (windows_shell_files.h):
    // copies of the folder's pictures, skipped and said so.
    if (std::string shell = WindowsThumbnailCache(path, data); !shell.empty()) {
      out_->notes.push_back(name_ + "/" + path + ": " + shell +
                            ", skipped: it holds pictures, which are not read");
      return;
    }
    // An object embedded in an Office document (ole_object.h): named by
    // what it is, and the file it holds read as a member of its own.
    if (IsCompoundFile(data) && IsEmbeddingPath(path)) {
      ReadOle(path, data, depth);
      return;
    }
    if (const char* unread = UnreadFormat(path, data); unread != nullptr) {
      out_->errors.push_back(name_ + "/" + path + ": " + unread +
                             "; its text is not read");
      return;
    }
    ReadTyped(path, data, depth, ClassifyDocument("", path, data));
  }

  void ReadTyped(const std::string& path, const std::string& data, int depth, DocType type) {
    // Metadata beside a file, not a level of archive: no depth spent.
    if (type == DocType::kFinderFile) {
      WalkFinder(path + "/", data, depth);
      return;
    }
    if (type == DocType::kZip || type == DocType::kArchive ||
        type == DocType::kTnef || type == DocType::kWebArchive) {
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
    // Told by its bytes as a top-level part is (content_sniff.h), with
    // the same outcome: a binary member of no known format is unread, and
    // says so, as it would be sent on its own; passing it over let a zip
    // carry what a bare attachment could not (issue 13, round 34 defect 2).
    if (type == DocType::kOther) {
      Sniffed sniffed = SniffUnlisted("", path, data);
      if (sniffed.unread != nullptr) {
        out_->errors.push_back(name_ + "/" + path + ": " + sniffed.unread +
                               "; its text is not read");
        return;
      }
      type = sniffed.type;
    }
    if (type == DocType::kOther) {
      // A scan zipped is still a scan (picture_parts.h); an Office
      // document's or a PDF's own pictures are its layout, not counted.
      std::string picture = embedded_ ? "" : PictureKind(data.substr(0, 4096));
      if (!picture.empty() && budget_.pictures_unreadable) {
        out_->errors.push_back(PictureUnread(name_ + "/" + path, picture));
      }
      return;
    }
    // Armoured ciphertext in a text member (encrypted_armour.h), as in a
    // text part: unread, and the words around it still read.
    if (type == DocType::kText && FindEncryptedArmour(data).ciphertext) {
      out_->encrypted_members.push_back(path);
    }
    AddMemberExtract(path, ExtractDocument(type, name_ + "/" + path, data, budget_), out_);
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
  bool embedded_ = false;  // reading a file embedded in an Office package or a PDF
  Extracted* out_;
  std::size_t used_ = 0;     // inflated bytes, the whole attachment
  std::size_t members_ = 0;  // members seen, nested archives included
  bool stopped_ = false;
};

}  // namespace

void ExtractUuencoded(std::string_view name, std::string_view text,
                      ExtractBudget& budget, Extracted* out) {
  // Cheap test first: most texts hold no "begin " line at all.
  if (!text.starts_with("begin ") && !text.starts_with("begin-base64 ") &&
      text.find("\nbegin ") == std::string_view::npos &&
      text.find("\nbegin-base64 ") == std::string_view::npos) {
    return;
  }
  ArchiveWalk(name, budget, out).WalkUuencoded(text);
}

void ExtractEmbedded(std::string_view name, const std::string& path,
                     const std::string& data, ExtractBudget& budget,
                     Extracted* out) {
  if (budget.embedded_depth + 1 > budget.max_archive_depth) {
    out->limits.push_back(
        {"max-archive-depth", std::string(name) + "/" + path +
                                  ": objects embedded deeper than " +
                                  std::to_string(budget.max_archive_depth) +
                                  "; not read"});
    return;
  }
  ++budget.embedded_depth;
  ArchiveWalk(name, budget, out).ReadEmbedded(path, data, budget.embedded_depth);
  --budget.embedded_depth;
}

Extracted ExtractArchive(DocType type, std::string_view name,
                         std::string_view bytes, ExtractBudget& budget) {
  Extracted out;
  ArchiveWalk(name, budget, &out).Walk(type, "", bytes, 1);
  out.has_text = false;  // the members carry the text
  return out;
}

}  // namespace nearmiss::content
