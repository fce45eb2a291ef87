// EscapeShownNames (shown_names.h).
#include "content/shown_names.h"

#include "base/line_text.h"

namespace nearmiss::content {
namespace {

void Escape(std::string* s) { *s = TerminalText(*s); }

}  // namespace

void EscapeShownNames(ScannedMessage* m) {
  for (Finding& f : m->sensitivity.findings) {
    Escape(&f.marking);
    Escape(&f.where);
    Escape(&f.place);
    Escape(&f.text);
  }
  for (Attachment& a : m->attachments) Escape(&a.name);
  for (std::string& e : m->errors) Escape(&e);
}

}  // namespace nearmiss::content
