// Scanner::Compile: packs + custom patterns + detectors -> one immutable
// Vectorscan database.
#include <memory>
#include <string>
#include <tuple>

#include "content/database_cache.h"
#include "content/label_table.h"
#include "content/letter_spacing.h"
#include "content/scanner_rep.h"
#include "nearmiss/content_scanner.h"

namespace nearmiss::content {
namespace {

Result<std::string> ReadFile(const std::string& path) {
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"),
                                          &std::fclose);
  if (!f) return Status::NotFound(path + ": cannot open marking pack");
  std::string text;
  char buf[8192];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f.get())) > 0) text.append(buf, n);
  if (std::ferror(f.get())) return Status::IoError(path + ": read failed");
  return text;
}

Status AddPack(const Pack& pack, Scanner::Rep* rep) {
  rep->pack_names.push_back(pack.name);
  for (const MarkingDef& m : pack.markings) {
    PatternEntry e;
    e.source = PatternSource::kMarking;
    e.name = m.name;
    e.pack = m.pack;
    e.level = m.level;
    e.kind = m.kind;
    e.mixed_case = m.mixed_case;
    e.heading_word = m.heading_word;
    e.footer_word = m.footer_word;
    e.agree_only = m.agree_only;
    e.line_alone = m.line_alone;
    e.subject_head = m.subject_head;
    e.expression = m.expression;
    e.extent = m.extent;
    e.flags = m.case_sensitive ? 0 : HS_FLAG_CASELESS;
    e.origin = m.origin;
    rep->patterns.push_back(std::move(e));
  }
  for (auto [from, to] :
       {std::pair{&pack.label_values.words, &rep->label_values.words},
        std::pair{&pack.label_values.qualifiers, &rep->label_values.qualifiers}}) {
    to->insert(to->end(), from->begin(), from->end());
  }
  for (const LabelHeaderDef& h : pack.label_headers) {
    LabelHeader l;
    l.header = h.header;
    l.extract_text = h.extract;
    l.enabled_text = h.enabled;
    l.disabled_text = h.disabled;
    l.base64 = h.base64;
    l.unnamed_is_unknown = h.unnamed_is_unknown;
    l.origin = h.origin;
    for (auto [text, regex, what] :
         {std::tuple{&h.extract, &l.extract, "extract"},
          std::tuple{&h.enabled, &l.enabled, "enabled"},
          std::tuple{&h.disabled, &l.disabled, "disabled"}}) {
      if (text->empty()) continue;
      try {
        // Without case: a header's keys are written by many clients
        // ("msip_label_<id>_name=Secret"; breaker round 13 defect 12).
        *regex = std::regex(*text, std::regex::ECMAScript | std::regex::icase);
      } catch (const std::regex_error& e) {
        return Status::ParseError(h.origin + ": label_header '" + h.header +
                                  "': bad " + what + " regex: " + e.what());
      }
    }
    rep->label_headers.push_back(std::move(l));
  }
  return Status::Ok();
}

void AddCustom(const CustomPattern& c, Scanner::Rep* rep) {
  PatternEntry e;
  e.source = PatternSource::kCustom;
  e.name = c.name;
  e.pack = "custom";
  e.level = c.level;
  e.strength = c.strength;
  e.expression =
      c.is_regex ? c.pattern : LiteralToExpression(c.pattern, c.whole_word);
  e.flags = c.case_sensitive ? 0 : HS_FLAG_CASELESS;
  e.origin = c.origin.empty() ? "custom pattern" : c.origin;
  rep->patterns.push_back(std::move(e));
}

void AddDetector(DetectorKind kind, const DetectorOptions& options,
                 Scanner::Rep* rep) {
  const DetectorSpec& spec = GetDetectorSpec(kind);
  PatternEntry e;
  e.source = PatternSource::kDetector;
  e.name = std::string(spec.name);
  e.pack = "detector";
  e.level = options.LevelOf(spec.name);
  e.detector = kind;
  e.expression = std::string(spec.expression);
  e.flags = spec.caseless ? HS_FLAG_CASELESS : 0;
  e.origin = "built-in detector";
  rep->patterns.push_back(std::move(e));
}

}  // namespace

Status CompileDatabase(Scanner::Rep* rep) {
  std::vector<const char*> expressions;
  std::vector<unsigned> flags;
  std::vector<unsigned> ids;
  for (std::size_t i = 0; i < rep->patterns.size(); ++i) {
    expressions.push_back(rep->patterns[i].expression.c_str());
    flags.push_back(DatabaseFlags(rep->patterns[i]));
    ids.push_back(static_cast<unsigned>(i));
  }
  if (expressions.empty()) {
    return Status::InvalidArgument("no marking packs or patterns to compile");
  }
  hs_compile_error_t* error = nullptr;
  hs_error_t rc = hs_compile_multi(
      expressions.data(), flags.data(), ids.data(),
      static_cast<unsigned>(expressions.size()), HS_MODE_BLOCK, nullptr,
      &rep->database, &error);
  if (rc == HS_SUCCESS) return Status::Ok();
  std::string message = error != nullptr ? error->message : "unknown error";
  int index = error != nullptr ? error->expression : -1;
  hs_free_compile_error(error);
  if (index >= 0 && static_cast<std::size_t>(index) < rep->patterns.size()) {
    const PatternEntry& p = rep->patterns[index];
    return Status::ParseError(p.origin + ": pattern '" + p.name + "' (" +
                              p.expression + "): " + message);
  }
  return Status::ParseError("marking database: " + message);
}

Result<std::shared_ptr<const Scanner>> Scanner::Compile(
    const ScannerOptions& options) {
  auto rep = std::make_unique<Rep>();
  if (options.builtin_packs) {
    for (const EmbeddedPack& embedded : BuiltinPacks()) {
      NM_ASSIGN_OR_RETURN(Pack pack,
                          ParsePack(embedded.text, embedded.file_name));
      NM_RETURN_IF_ERROR(AddPack(pack, rep.get()));
    }
  }
  for (const std::string& path : options.pack_files) {
    NM_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
    NM_ASSIGN_OR_RETURN(Pack pack, ParsePack(text, path));
    NM_RETURN_IF_ERROR(AddPack(pack, rep.get()));
  }
  for (const CustomPattern& c : options.custom_patterns) {
    if (c.pattern.empty()) {
      return Status::InvalidArgument(
          (c.origin.empty() ? "custom pattern" : c.origin) + ": pattern '" +
          c.name + "' is empty");
    }
    AddCustom(c, rep.get());
  }
  NM_RETURN_IF_ERROR(AddLabelTable(options.labels, rep.get()));
  rep->ignored_packs = options.ignored_packs;
  AddLabelLinePattern(rep.get());
  AddLetterSpacedPattern(rep.get());
  const DetectorOptions& d = options.detectors;
  if (d.payment_cards) AddDetector(DetectorKind::kPaymentCard, d, rep.get());
  if (d.uk_nino) AddDetector(DetectorKind::kUkNino, d, rep.get());
  if (d.us_ssn) AddDetector(DetectorKind::kUsSsn, d, rep.get());
  if (d.iban) AddDetector(DetectorKind::kIban, d, rep.get());
  if (d.nhs_number) AddDetector(DetectorKind::kNhsNumber, d, rep.get());
  DatabaseIdentity identity = DatabaseIdentity::Current();
  NM_RETURN_IF_ERROR(LoadOrCompileDatabase(options.cache_dir, identity, rep.get()));
  NM_RETURN_IF_ERROR(LoadOrCompileExtents(options.cache_dir, identity, rep.get()));
  return std::shared_ptr<const Scanner>(new Scanner(std::move(rep)));
}

Scanner::Scanner(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}
Scanner::~Scanner() = default;

std::vector<std::string> Scanner::PackNames() const { return rep_->pack_names; }
std::size_t Scanner::PatternCount() const { return rep_->patterns.size(); }
const DatabaseCacheReport& Scanner::DatabaseCache() const {
  return rep_->cache_report;
}

Result<Scratch> Scratch::Create(const Scanner& scanner) {
  auto rep = std::make_unique<Rep>();
  if (hs_alloc_scratch(scanner.rep_->database, &rep->scratch) != HS_SUCCESS) {
    return Status::ResourceExhausted("cannot allocate Vectorscan scratch");
  }
  // One scratch serves both databases: extents are read after the scan.
  if (scanner.rep_->extent_database != nullptr &&
      hs_alloc_scratch(scanner.rep_->extent_database, &rep->scratch) !=
          HS_SUCCESS) {
    return Status::ResourceExhausted("cannot allocate Vectorscan scratch");
  }
  rep->owner = scanner.rep_.get();
  rep->matches.reserve(256);
  rep->kept.reserve(256);
  return Scratch(std::move(rep));
}

Scratch::Scratch(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}
Scratch::Scratch(Scratch&&) noexcept = default;
Scratch& Scratch::operator=(Scratch&&) noexcept = default;
Scratch::~Scratch() = default;

}  // namespace nearmiss::content
