// Zip containers: OOXML (DOCX/XLSX/PPTX) and ODF (ODT/ODS/ODP) text, and the
// member names of plain archives. Every byte decompressed counts against the
// attachment's and the message's budget, so a zip bomb stops at the bound
// instead of at the OOM killer; the sizes a zip declares are not trusted.
#include <zip.h>

#include <memory>
#include <pugixml.hpp>
#include <regex>

#include "content/extract.h"

namespace nearmiss::content {
namespace {

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct ZipFileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

// The members that carry a document's words. Headers and footers matter:
// that is where banner markings live.
bool WantedMember(DocType type, std::string_view name) {
  auto starts = [&](std::string_view p) { return name.substr(0, p.size()) == p; };
  auto ends = [&](std::string_view s) {
    return name.size() >= s.size() && name.substr(name.size() - s.size()) == s;
  };
  if (type == DocType::kOdf) {
    return name == "content.xml" || name == "styles.xml" || name == "meta.xml";
  }
  if (!ends(".xml")) return false;
  return name == "word/document.xml" || starts("word/header") ||
         starts("word/footer") || name == "word/footnotes.xml" ||
         name == "word/comments.xml" || name == "xl/sharedStrings.xml" ||
         starts("xl/worksheets/sheet") || starts("ppt/slides/slide") ||
         starts("ppt/notesSlides/") || name == "docProps/core.xml";
}

// docProps/custom.xml: <property name="MSIP_Label_..._Name"><vt:lpwstr>
// Secret</vt:lpwstr></property> becomes "MSIP_Label_..._Name=Secret;".
void CustomPropertiesAsLabels(std::string_view xml, std::string* out) {
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size())) return;
  for (pugi::xml_node p : doc.document_element().children()) {
    std::string_view name = p.attribute("name").value();
    if (name.substr(0, 11) != "MSIP_Label_") continue;
    out->append(name);
    out->push_back('=');
    out->append(p.first_child().text().get());
    out->append("; ");
  }
}

class MemberReader {
 public:
  MemberReader(std::string_view archive_name, ExtractBudget& budget,
               Extracted* out)
      : archive_name_(archive_name), budget_(budget), out_(out) {}

  // Reads member `index` into `*data`; false when a bound stopped it (the
  // bound is recorded) or the member is unreadable.
  bool Read(zip_t* zip, zip_uint64_t index, std::string* data) {
    std::unique_ptr<zip_file_t, ZipFileCloser> f(zip_fopen_index(zip, index, 0));
    if (!f) {
      out_->errors.push_back(std::string(archive_name_) + ": " +
                             zip_strerror(zip));
      return false;
    }
    char buf[64 * 1024];
    for (;;) {
      zip_int64_t n = zip_fread(f.get(), buf, sizeof buf);
      if (n < 0) {
        out_->errors.push_back(std::string(archive_name_) +
                               ": corrupt member: " +
                               zip_file_strerror(f.get()));
        return false;
      }
      if (n == 0) return true;
      std::size_t got = static_cast<std::size_t>(n);
      if (used_ + got > budget_.per_attachment_bytes) {
        Hit("max-attachment-bytes", budget_.per_attachment_bytes);
        return false;
      }
      if (got > budget_.total_bytes_left) {
        Hit("max-total-bytes", 0);
        return false;
      }
      used_ += got;
      budget_.total_bytes_left -= got;
      data->append(buf, got);
      if (budget_.TimeUp()) {
        out_->limits.push_back({"max-extraction-time",
                                std::string(archive_name_) +
                                    ": extraction time limit reached"});
        stopped_ = true;
        return false;
      }
    }
  }

  bool stopped() const { return stopped_; }

 private:
  void Hit(const char* bound, std::size_t limit) {
    std::string detail = std::string(archive_name_) + ": decompressed size";
    detail += limit ? " exceeds " + std::to_string(limit) + " bytes"
                    : " exceeds the message's total budget";
    out_->limits.push_back({bound, detail});
    stopped_ = true;
  }

  std::string_view archive_name_;
  ExtractBudget& budget_;
  Extracted* out_;
  std::size_t used_ = 0;
  bool stopped_ = false;
};

}  // namespace

Extracted ExtractZipDocument(DocType type, std::string_view name,
                             std::string_view bytes, ExtractBudget& budget) {
  Extracted out;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source =
      zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    out.errors.push_back(std::string(name) + ": " + zip_error_strerror(&error));
    zip_error_fini(&error);
    return out;
  }
  std::unique_ptr<zip_t, ZipCloser> zip(
      zip_open_from_source(source, ZIP_RDONLY, &error));
  if (!zip) {
    zip_source_free(source);
    out.errors.push_back(std::string(name) + ": not a readable zip archive: " +
                         zip_error_strerror(&error));
    zip_error_fini(&error);
    return out;
  }
  zip_error_fini(&error);
  MemberReader reader(name, budget, &out);
  zip_int64_t count = zip_get_num_entries(zip.get(), 0);
  for (zip_int64_t i = 0; i < count && !reader.stopped(); ++i) {
    const char* member = zip_get_name(zip.get(), i, ZIP_FL_ENC_GUESS);
    if (member == nullptr) continue;
    std::string_view member_name(member);
    if (type == DocType::kZip) {
      // Archives: the names are what we read (a "SECRET plan.docx" inside).
      out.member_names.emplace_back(member_name);
      continue;
    }
    bool labels = type == DocType::kOoxml && member_name == "docProps/custom.xml";
    if (!labels && !WantedMember(type, member_name)) continue;
    std::string xml;
    if (!reader.Read(zip.get(), i, &xml)) continue;
    if (labels) {
      CustomPropertiesAsLabels(xml, &out.msip_labels);
    } else if (!XmlToText(xml, &out.text)) {
      out.errors.push_back(std::string(name) + ": " + std::string(member_name) +
                           ": malformed XML");
    }
    out.text.push_back('\f');  // each member is its own page for banners
  }
  out.has_text = type != DocType::kZip;
  return out;
}

}  // namespace nearmiss::content
