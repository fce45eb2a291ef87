// ReadPdfFormFields and OpenGlibPdf (pdf_forms.h) through poppler-glib.
#include "content/pdf_forms.h"

#include <poppler.h>

#include <memory>
#include <set>
#include <string>

#include "content/label_properties.h"

namespace nearmiss::content {
namespace {

struct GFreeDeleter {
  void operator()(gchar* p) const { g_free(p); }
};
using OwnedChars = std::unique_ptr<gchar, GFreeDeleter>;

std::string OrEmpty(const OwnedChars& s) { return s ? std::string(s.get()) : std::string(); }

// The field's value as a reader sees it: a text field's text; a choice
// field's edited text or its selected items, joined by ", ".
std::string FieldValue(PopplerFormField* field) {
  switch (poppler_form_field_get_field_type(field)) {
    case POPPLER_FORM_FIELD_TEXT:
      return OrEmpty(OwnedChars(poppler_form_field_text_get_text(field)));
    case POPPLER_FORM_FIELD_CHOICE: {
      std::string value = OrEmpty(OwnedChars(poppler_form_field_choice_get_text(field)));
      int n = poppler_form_field_choice_get_n_items(field);
      for (int i = 0; i < n; ++i) {
        if (!poppler_form_field_choice_is_item_selected(field, i)) continue;
        std::string item = OrEmpty(OwnedChars(poppler_form_field_choice_get_item(field, i)));
        if (item.empty() || item == value) continue;
        if (!value.empty()) value += ", ";
        value += item;
      }
      return value;
    }
    default:  // buttons and signatures hold no words
      return {};
  }
}

}  // namespace

PopplerDocument* OpenGlibPdf(std::string_view name, std::string_view bytes,
                             Extracted* out) {
  GBytes* data = g_bytes_new_static(bytes.data(), bytes.size());
  GError* error = nullptr;
  PopplerDocument* doc = poppler_document_new_from_bytes(data, nullptr, &error);
  g_bytes_unref(data);  // the document keeps its own reference
  if (doc == nullptr) {
    out->errors.push_back(std::string(name) + ": PDF could not be opened by poppler-glib: " +
                          (error != nullptr ? error->message : "unknown error"));
    if (error != nullptr) g_error_free(error);
  }
  return doc;
}

void ReadPdfFormFields(std::string_view name, PopplerDocument* doc,
                       ExtractBudget& budget, Extracted* out) {
  LabelProperties labels;
  std::string fields;
  std::set<int> seen;  // a field with several widgets is read once
  int pages = poppler_document_get_n_pages(doc);
  for (int i = 0; i < pages; ++i) {
    if (budget.TimeUp()) {
      out->limits.push_back({"max-extraction-time", std::string(name) +
                                                        ": form fields stopped at page " +
                                                        std::to_string(i + 1)});
      break;
    }
    PopplerPage* page = poppler_document_get_page(doc, i);
    if (page == nullptr) continue;
    GList* mapping = poppler_page_get_form_field_mapping(page);
    for (GList* l = mapping; l != nullptr; l = l->next) {
      auto* m = static_cast<PopplerFormFieldMapping*>(l->data);
      if (m == nullptr || m->field == nullptr) continue;
      if (!seen.insert(poppler_form_field_get_id(m->field)).second) continue;
      std::string value = FieldValue(m->field);
      if (value.empty()) continue;
      std::string field_name = OrEmpty(OwnedChars(poppler_form_field_get_partial_name(m->field)));
      OfferLabelProperty(field_name, value, &labels);
      // Each value a page of its own: a box on the form, read as a page
      // header cell is (a lone "UK SECRET" stands where a banner does).
      fields += value;
      fields += '\f';
    }
    poppler_page_free_form_field_mapping(mapping);
    g_object_unref(page);
  }
  if (out->text.size() + fields.size() > budget.per_attachment_bytes ||
      fields.size() > budget.total_bytes_left) {
    out->limits.push_back({"max-attachment-bytes",
                           std::string(name) + ": form field text exceeds budget"});
    return;
  }
  budget.total_bytes_left -= fields.size();
  out->msip_labels += labels.msip_labels;
  for (std::string& c : labels.classifications) out->classifications.push_back(std::move(c));
  out->text.append(fields);
}

}  // namespace nearmiss::content
