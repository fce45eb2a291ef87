// Scanner: the compiled, immutable matcher for protective markings, header
// labels, policy patterns and built-in detectors (payment cards, UK National
// Insurance numbers, US SSNs, IBANs).
//
// Compile once (all packs + custom patterns become one Vectorscan database),
// then scan many texts from many threads: each thread owns a Scratch. A scan
// makes one pass over a text; matches land in the Scratch's reused buffers, so
// the hot path allocates only when it emits a Finding.
//
// Thread safety: a Scanner is immutable and may be shared (shared_ptr<const>).
// A Scratch belongs to one thread at a time.
#ifndef NEARMISS_CONTENT_SCANNER_H_
#define NEARMISS_CONTENT_SCANNER_H_

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "nearmiss/content_sensitivity.h"
#include "nearmiss/status.h"

namespace nearmiss::content {

// A policy keyword or pattern ("hypersonic", a project code name).
struct CustomPattern {
  std::string name;     // reported as Finding::marking
  std::string pattern;  // a literal, or a Vectorscan (PCRE subset) regex
  bool is_regex = false;
  Level level = Level::kOfficialSensitive;
  bool case_sensitive = false;
  // Literals get word boundaries so "hypersonic" misses "hypersonically".
  bool whole_word = true;
  Strength strength = Strength::kStrong;  // chosen by a policy author
  // Where the pattern came from, for error messages: "policy.toml:12".
  std::string origin;
};

struct DetectorOptions {
  bool payment_cards = true;  // 13-19 digits passing Luhn
  bool uk_nino = true;        // valid prefix letters, suffix A-D
  bool us_ssn = true;         // ddd-dd-dddd; area 000/666/9xx, group 00,
                              // serial 0000 refused
  bool iban = true;           // country length + mod-97 checksum
  bool nhs_number = true;     // 10 digits, Modulus 11, beside "NHS"
  // The level a hit gives ([sensitivity] detector_level): `level` for every
  // detector, or the one `levels` names for it by its name ("us-ssn" ->
  // SECRET; the names are detectors.cc's, as the policy's `detectors`).
  Level level = Level::kOfficialSensitive;
  std::map<std::string, Level, std::less<>> levels;

  Level LevelOf(std::string_view detector) const {
    auto it = levels.find(detector);
    return it == levels.end() ? level : it->second;
  }
};

// One entry of the policy's label table ([sensitivity.labels]): a label's
// name, as a Purview label's internal or display name, mapped to a level.
// Names are compared folded (case, and '_', '-' and blanks alike, after a
// Purview "_0"-style suffix is dropped; see LabelKey in label_headers.cc).
struct LabelLevel {
  std::string name;    // "Team Internal", "Secret_0", "Confidential\Finance"
  Level level = Level::kNone;
  std::string origin;  // "policy.toml:40:1"
};

// How Scanner::Compile obtained its Vectorscan database
// (src/content/database_cache.h: the file format and its checks).
struct DatabaseCacheReport {
  enum class Outcome {
    kOff,         // no cache directory: compiled in memory
    kHit,         // loaded from the cache file
    kMiss,        // no file yet: compiled, and the file written
    kRejected,    // a file was there but failed a check (damage, another
                  // Vectorscan version or platform, unsafe owner or mode):
                  // compiled, and the file replaced when the directory
                  // allows
    kUnwritable,  // compiled in memory; the directory could not be written
  };
  Outcome outcome = Outcome::kOff;
  std::string path;    // the cache file; "" when kOff
  std::string detail;  // kRejected / kUnwritable: what failed, naming the file
};

// The cache directory this process's environment names when the policy
// names none: $NEARMISS_CACHE_DIR ("none": off), $NEARMISS_STATE_DIR/cache,
// /var/lib/nearmiss/cache when writable, else $XDG_CACHE_HOME/nearmiss or
// ~/.cache/nearmiss (src/content/cache_location.h). "" when off.
std::string DefaultDatabaseCacheDir();

// "off", "hit", "miss", "rejected", "unwritable".
std::string_view DatabaseCacheOutcomeName(DatabaseCacheReport::Outcome o);

// The warning a shell logs once after compiling (the library never logs):
// for kRejected and kUnwritable a line naming the file and what failed; ""
// for the others.
std::string DatabaseCacheWarning(const DatabaseCacheReport& report);

struct ScannerOptions {
  // Where the compiled database is cached between runs ("" = nowhere: always
  // compiled). A directory that cannot be written never fails a compile.
  std::string cache_dir;
  // The packs compiled into the library (data/markings/*.toml).
  bool builtin_packs = true;
  // Extra pack files (same TOML format) read from disk.
  std::vector<std::string> pack_files;
  std::vector<CustomPattern> custom_patterns;
  // Label names the policy places on the scale; they win over the packs'
  // label forms. A label found in a label header (or a document's MSIP
  // properties) that neither places becomes a finding at unknown-label.
  std::vector<LabelLevel> labels;
  DetectorOptions detectors;
  // Packs compiled in whose findings the caller drops (the policy's
  // sensitivity.packs left them out; the engine's FilterSensitivity). A
  // label name only such a pack would place is no longer placed: it is
  // unknown-label, never a finding dropped with its pack ("Secret_0" under
  // packs = ["labels"]; issue 13, round 43 tester finding 2).
  std::vector<std::string> ignored_packs;
};

// What kind of place a text comes from; decides which positions are strong.
enum class TextKind {
  kSubject,         // a marking leading it (after Re:/Fw:) or in [brackets]
  kHeaderLabel,     // a label header's value: every marking is strong
  kBody,            // banner lines, portion marks strong; running text weak
  kAttachmentName,  // like a subject: a leading or bracketed marking
  // The subject of bulk or list mail (RFC 2369 List-Unsubscribe, RFC 8058
  // List-Unsubscribe-Post, "Precedence: bulk/list/junk"; IsBulkMail in
  // content/bulk_mail.h): as kSubject, but a bare everyday level word
  // ("SECRET", "CONFIDENTIAL") counts only if the message agrees (a body
  // banner, a label), as newsletters shout the word for emphasis.
  kBulkSubject,
  // The mail's own text ("body") of bulk or list mail: as kBody, but a bare
  // everyday level word heading or closing it ("TOP SECRET" over and under
  // an advert) counts only if a marking of another kind agrees (a caveat, a
  // portion mark, a label, a non-bulk subject): the same word repeated is
  // one newsletter shouting twice (issue 13, breaker round 8 defect 10).
  kBulkBody,
};

class Scanner;

// Per-thread reusable state: the Vectorscan scratch and match buffers.
class Scratch {
 public:
  static Result<Scratch> Create(const Scanner& scanner);
  Scratch(Scratch&&) noexcept;
  Scratch& operator=(Scratch&&) noexcept;
  ~Scratch();

  struct Rep;  // private; public so src/content helpers can reach it

 private:
  friend class Scanner;
  explicit Scratch(std::unique_ptr<Rep> rep);
  std::unique_ptr<Rep> rep_;
};

class Scanner {
 public:
  // Errors name the pack file and marking (file:line) or the custom
  // pattern's origin and name.
  static Result<std::shared_ptr<const Scanner>> Compile(
      const ScannerOptions& options);
  ~Scanner();

  // Normalises `text` (Unicode dashes and spaces, CRLF) and appends findings
  // for every marking, pattern and validated detector hit. `where` is copied
  // into each Finding. Offsets refer to the normalised text.
  Status Scan(TextKind kind, std::string_view where, std::string_view text,
              Scratch& scratch, Sensitivity* out) const;

  // Reads the label headers listed by the packs (msip_labels, Titus,
  // SIO-Label, X-Protective-Marking, Sensitivity, ...): `name` is the header
  // name, `value` its unfolded value. Appends strong findings with where
  // "header:<name>" (or `where` when given: labels found inside a document's
  // properties are reported against the attachment). Headers that are not
  // labels are ignored. Each label name is placed by, in order: the policy's
  // label table (ScannerOptions::labels), then the packs' markings; a
  // sublabel "Parent\Child" (or "Parent/Child") is placed by its child when
  // the child is known, else by its parent; a Purview suffix "_0" is
  // dropped first. A label placed by neither is a finding at
  // Level::kUnknownLabel (marking "unknown-label", text the label's name).
  Status ScanHeader(std::string_view name, std::string_view value,
                    Scratch& scratch, Sensitivity* out,
                    std::string_view where = {}) const;
  // Whether ScanHeader reads headers called `name`: a caller can skip
  // decoding the values of all the others (GMime decodes on request).
  bool IsLabelHeader(std::string_view name) const;

  // Packs compiled in, for `nearmiss` diagnostics: "uk", "us-cui", ...
  std::vector<std::string> PackNames() const;
  std::size_t PatternCount() const;
  // Whether the database came from the cache (and why not, when it did not).
  const DatabaseCacheReport& DatabaseCache() const;

  struct Rep;  // private; public so src/content helpers can reach it

 private:
  friend class Scratch;
  explicit Scanner(std::unique_ptr<Rep> rep);
  std::unique_ptr<Rep> rep_;
};

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_SCANNER_H_
