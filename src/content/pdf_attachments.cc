// ReadPdfAttachments (pdf_attachments.h) through poppler-glib.
#include "content/pdf_attachments.h"

#include <poppler.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "content/inflate_budget.h"

namespace nearmiss::content {
namespace {

// Per thread: each milter or scan thread decodes its own documents.
thread_local unsigned poppler_errors = 0;

struct GObjectDeleter {
  void operator()(gpointer p) const { g_object_unref(p); }
};
using OwnedAttachment = std::unique_ptr<PopplerAttachment, GObjectDeleter>;

// Where poppler_attachment_save_to_callback writes one file's blocks.
struct Sink {
  ExtractBudget* budget;
  std::string_view name;
  std::string where;
  std::size_t compressed;
  std::size_t* used;
  std::string data;
  std::optional<LimitHit> hit;
};

gboolean Save(const gchar* buf, gsize count, gpointer user, GError** error) {
  auto* sink = static_cast<Sink*>(user);
  sink->hit = ChargeInflated(*sink->budget, sink->name, sink->where, count,
                             sink->data.size() + count, sink->compressed, sink->used);
  if (sink->hit) {
    g_set_error_literal(error, G_IO_ERROR, G_IO_ERROR_FAILED, "bound reached");
    return FALSE;
  }
  sink->data.append(buf, count);
  return TRUE;
}

// The document's name-tree files, then each page's FileAttachment
// annotation files, in that order; each entry is owned.
std::vector<OwnedAttachment> Attachments(PopplerDocument* doc) {
  std::vector<OwnedAttachment> all;
  GList* listed = poppler_document_get_attachments(doc);
  for (GList* l = listed; l != nullptr; l = l->next) {
    all.emplace_back(static_cast<PopplerAttachment*>(l->data));
  }
  g_list_free(listed);
  int pages = poppler_document_get_n_pages(doc);
  for (int i = 0; i < pages; ++i) {
    PopplerPage* page = poppler_document_get_page(doc, i);
    if (page == nullptr) continue;
    GList* mapping = poppler_page_get_annot_mapping(page);
    for (GList* l = mapping; l != nullptr; l = l->next) {
      auto* m = static_cast<PopplerAnnotMapping*>(l->data);
      if (m == nullptr || m->annot == nullptr ||
          poppler_annot_get_annot_type(m->annot) != POPPLER_ANNOT_FILE_ATTACHMENT) {
        continue;
      }
      PopplerAttachment* a = poppler_annot_file_attachment_get_attachment(
          POPPLER_ANNOT_FILE_ATTACHMENT(m->annot));
      if (a != nullptr) all.emplace_back(a);
    }
    poppler_page_free_annot_mapping(mapping);
    g_object_unref(page);
  }
  return all;
}

}  // namespace

void NotePopplerError() { ++poppler_errors; }

void ReadPdfAttachments(std::string_view name, PopplerDocument* doc,
                        std::size_t pdf_bytes, ExtractBudget& budget, Extracted* out) {
  std::vector<OwnedAttachment> files = Attachments(doc);
  std::size_t used = 0;
  for (std::size_t k = 0; k < files.size(); ++k) {
    if (k >= budget.max_archive_members) {
      out->limits.push_back({"max-archive-members",
                             std::string(name) + ": more than " +
                                 std::to_string(budget.max_archive_members) +
                                 " attached files; the rest not read"});
      break;
    }
    const gchar* file_name = poppler_attachment_get_name(files[k].get());
    std::string path = file_name != nullptr && *file_name != '\0'
                           ? std::string(file_name)
                           : "attached-file-" + std::to_string(k + 1);
    Sink sink{&budget, name, std::string(name) + "/" + path, pdf_bytes, &used, {}, {}};
    GError* save_error = nullptr;
    const unsigned complaints = poppler_errors;
    gboolean saved =
        poppler_attachment_save_to_callback(files[k].get(), &Save, &sink, &save_error);
    if (saved && poppler_errors != complaints) {
      out->errors.push_back(sink.where + ": attached file could not be decoded: " +
                            "poppler reported its stream corrupt");
      continue;
    }
    if (sink.hit) {
      out->limits.push_back(std::move(*sink.hit));
      if (save_error != nullptr) g_error_free(save_error);
      break;
    }
    if (!saved) {
      out->errors.push_back(sink.where + ": attached file could not be decoded: " +
                            (save_error != nullptr ? save_error->message : "unknown error"));
      if (save_error != nullptr) g_error_free(save_error);
      continue;
    }
    out->member_names.push_back(path);
    ExtractEmbedded(name, path, sink.data, budget, out);
  }
}

}  // namespace nearmiss::content
