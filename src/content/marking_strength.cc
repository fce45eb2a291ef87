// MarkingStrength: whether a marking match counts, and how strongly, by its
// place in the text (position.h's rules) and its case.
#include "content/marking_strength.h"

#include "content/legend_words.h"
#include "content/line_text.h"
#include "content/position.h"
#include "content/subject_idioms.h"

namespace nearmiss::content {
namespace {

// Whether the matched text has no lower-case ASCII letter: the standards
// write markings in capitals ("Top secret: surprise party" is prose).
bool WrittenInCapitals(std::string_view matched) {
  for (char c : matched) {
    if (c >= 'a' && c <= 'z') return false;
  }
  return true;
}

// A portion mark leading a subject: with controls ("(S//NF) Convoy") it
// counts; a bare one ("(S) Blue T-shirt", "(TS) Tom's leaving do") only if
// the message agrees, as in a body.
PortionPlace SubjectPortionPlace(std::string_view mark) {
  for (char c : mark.substr(1, mark.size() - 2)) {
    if (c < 'A' || c > 'Z') return PortionPlace::kPortion;
  }
  // "(CUI) Convoy update": the CUI Registry's mark and its predecessors
  // ("(SBU)", "(FOUO)") are nobody's initials nor a size; the DoD CUI
  // marking guide portion-marks an e-mail's subject so (issue 13, breaker
  // round 8 defect 8).
  if (mark.size() > 3 && !BareMarkMayBeInitials(mark)) {
    return PortionPlace::kPortion;
  }
  return PortionPlace::kIfCorroborated;
}

// Whether the line of `text` holding `at` is, blanks trimmed, the same as
// that line of `input`, what the sender wrote: a word typed plainly.
// Letter-spaced ("S E C R E T"), underlined ("S̲E̲C̲R̲E̲T̲"), full-width or
// mathematical letters are a drawn banner's typography, not a heading's
// (marking corpus README, seventh round). Normalisation and joining keep
// line breaks (CR LF and a lone CR become LF), so line numbers agree; when
// they do not, the lines differ, and the word stays a banner.
bool TypedPlainly(const Scratch::Rep& s, std::string_view text,
                  const RawMatch& m) {
  std::string_view input = s.input;
  // "S  E  C  R  E  T" (two blanks) matches the letter-spaced form as
  // written, with nothing normalised: a one-letter word says it.
  for (std::size_t i = m.begin; i < m.end; ++i) {
    bool alone = IsAlpha(text[i]) && (i == m.begin || !IsAlpha(text[i - 1])) &&
                 (i + 1 == m.end || !IsAlpha(text[i + 1]));
    if (alone) return false;
  }
  std::size_t at = m.begin;
  if (input.data() == text.data()) return true;
  // Count on from the last call (matches come in order); start over only
  // when this match lies before it.
  if (at < s.typed_at) s.typed_at = s.typed_input = 0;
  std::size_t line = 0;
  for (std::size_t i = s.typed_at; i < at; ++i) line += text[i] == '\n' ? 1 : 0;
  std::size_t b = s.typed_input;
  for (std::size_t i = b; i < input.size() && line > 0; ++i) {
    bool lone_cr = input[i] == '\r' && (i + 1 == input.size() || input[i + 1] != '\n');
    if ((input[i] == '\n' || lone_cr) && --line == 0) b = i + 1;
  }
  if (line > 0) return false;
  s.typed_at = LineStart(text, at);
  s.typed_input = b;
  std::size_t e = b;
  while (e < input.size() && input[e] != '\n' && input[e] != '\r') ++e;
  auto trim = [](std::string_view s) {
    while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
    while (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
    return s;
  };
  std::size_t tb = LineStart(text, at);
  return trim(input.substr(b, e - b)) == trim(text.substr(tb, LineEnd(text, at) - tb));
}

// The match's line holds a lower-case letter after the match (a label key
// before it, "Classification: SECRET", is not the free text asked about).
bool LowerCaseAfter(std::string_view text, const RawMatch& m) {
  for (std::size_t i = m.end, e = LineEnd(text, m.end); i < e; ++i) {
    if (text[i] >= 'a' && text[i] <= 'z') return true;
  }
  return false;
}

// "CUI", "FOUO", "LES", "SBU": acronyms, not words.
constexpr std::size_t kMaxAcronymLetters = 4;

// A classification word or label name in a strong place, or not.
Counts WordStrength(const PatternEntry& p, TextKind kind, const Scratch::Rep& s,
                    std::string_view text, const RawMatch& m,
                    Strength* strength) {
  *strength = Strength::kWeak;
  if (kind == TextKind::kBody && IsLabelledLine(text, m.begin, m.end)) {
    // "Sensitivity: Confidential", "Classification: Highly Confidential":
    // a label's visual marking, its name spelt as the tenant spells it.
    *strength = Strength::kStrong;
    return Counts::kYes;
  }
  if (p.kind == MarkingKind::kLabel) return Counts::kNo;
  bool subject = kind == TextKind::kSubject || kind == TextKind::kBulkSubject;
  bool subject_like = subject || kind == TextKind::kAttachmentName;
  bool strong = subject_like ? IsSubjectMarking(text, m.begin, m.end)
                             : IsBannerMarking(text, m.begin, m.end);
  if (strong && !p.mixed_case) {
    // An everyday word: capitals only, and leading a subject only with a
    // separator after it ("SECRET: x") or before the subject's own words
    // in lower case ("SECRET deployment plan"); not "SECRET SANTA draw".
    // File names keep "SECRET plan.docx": they have no such shouting.
    // A short acronym ("SBU review", "LES tickets") is also a business
    // abbreviation: it needs the separator.
    std::string_view matched = text.substr(m.begin, m.end - m.begin);
    strong = WrittenInCapitals(matched) &&
             (!subject || FollowedBySeparator(text, m.end) ||
              (matched.size() > kMaxAcronymLetters &&
               FollowedByLowerCaseWord(text, m.end)));
  }
  // "Re: LOU", "LOU\n\nHi Lou, ...", "OFFICIAL USE ONLY" over a pool-car
  // notice: an abbreviation or notice that is also everyday business
  // counts only if the message agrees (pack.h, agree_only; issue 13,
  // breaker round 32 D6).
  if (strong && p.agree_only) return Counts::kIfCorroborated;
  // "SECRET Santa", "SECRET sale: 50% off", "TOP SECRET offers inside":
  // the idiom, written in capitals for emphasis, right after the bare word
  // (subject_idioms.h); "SECRET: menu of strike options" is a marked
  // subject (issue 13, breaker round 13 defect 4).
  if (strong && subject && p.heading_word &&
      FollowedBySubjectIdiom(text, m.end)) {
    strong = false;
  }
  // "CONFIDENTIAL" over "ATTORNEY WORK PRODUCT": business confidentiality.
  // Only the bare business word (footer_word: CONFIDENTIAL): "UK SECRET:
  // legal advice on basing rights", "OFFICIAL-SENSITIVE\nLEGALLY
  // PRIVILEGED" and a SECRET banner over a privileged footer are
  // government lawyers' marked mail (breaker round 13 defect 1). In a
  // body the word still counts if the message agrees (the same word on the
  // other banner line, a marked subject).
  // "PRIVATE AND CONFIDENTIAL", "STRICTLY CONFIDENTIAL - your offer
  // letter", "CONFIDENTIAL - NOT FOR DISTRIBUTION": a business heading,
  // as "PRIVATE & CONFIDENTIAL" always was (breaker round 13 defect 9).
  if (strong && p.footer_word && IsBusinessConfidentiality(text, m.begin, m.end)) {
    strong = false;
  }
  if (strong && p.footer_word && NearLegalLegend(text, m.begin, m.end)) {
    if (kind == TextKind::kBody) return Counts::kIfCorroborated;
    strong = false;
  }
  // "holds a SECRET clearance": a person's clearance level. Asked only of
  // a match that would count, as loose words in prose are many.
  if (strong && AboutClearance(text, m.begin, m.end)) strong = false;
  if (strong && kind == TextKind::kBody && !IsEdgeLine(text, m.begin, m.end)) {
    return Counts::kIfCorroborated;
  }
  // "PROTECTED: Your account is now secured", "CONTROLLED: substances
  // policy update": a word whose scheme marks a subject another way
  // ([SEC=PROTECTED]; the CUI banner atop the body), leading a subject
  // before a notice's sentence (or, for "alone", before any words), counts
  // only if the message agrees (pack.h, subject_head; corpus README,
  // breaker round 7 item 7).
  if (strong && subject && p.subject_head != SubjectHead::kAny) {
    SubjectRest rest = ReadSubjectRest(text, m.end);
    bool doubt = p.subject_head == SubjectHead::kAlone
                     ? rest != SubjectRest::kNothing
                     : rest == SubjectRest::kSentence;
    if (doubt) return Counts::kIfCorroborated;
  }
  // A newsletter's "SECRET weapon for glowing skin": in bulk mail a bare
  // level word leading the subject without a separator counts only if the
  // message agrees. "SECRET: convoy timings" keeps its separator's weight:
  // list servers put bulk headers on the copies they send out (breaker
  // round 13 defect 3).
  if (strong && kind == TextKind::kBulkSubject && p.heading_word &&
      !FollowedBySeparator(text, m.end)) {
    return Counts::kIfCorroborated;
  }
  // "TOP SECRET\n\nOur summer menu is here!": an everyday word as the
  // heading of an advert or a personal note has the banner's place but
  // nothing of a marked message around it (position.h, IsBareHeading).
  // The mail's own text only: a document's extracted text has lost the
  // header and footer of each page, so its one banner line may be all that
  // is left of them.
  // Doubted, not dismissed: the same word is how a sender who marks only
  // once marks a real message, so uncorroborated it becomes a
  // "doubted-marking" finding the policy decides on (the default confirms
  // it with the sender when it goes outside; breaker round 14 D1).
  if (strong && kind == TextKind::kBody && s.mail_body && p.heading_word &&
      IsBareHeading(text, m.begin, m.end) && TypedPlainly(s, text, m)) {
    return s.bulk_body ? Counts::kIfCorroborated
                       : Counts::kIfCorroboratedBanner;
  }
  // "Acme Ltd\n\nCONFIDENTIAL": a company's footer under its signature
  // has the bottom banner's place and nothing else of a marked message.
  // In bulk mail any everyday level word closing the text ("TOP SECRET"
  // under an advert that it also heads) is such a footer.
  if (strong && kind == TextKind::kBody && s.mail_body &&
      (p.footer_word || (s.bulk_body && p.heading_word)) &&
      IsBareFooter(text, m.begin, m.end) && TypedPlainly(s, text, m)) {
    return s.bulk_body ? Counts::kIfCorroborated
                       : Counts::kIfCorroboratedBanner;
  }
  // "TOP SECRET - Menu Launch Friday", "SECRET - Draw on Friday": an
  // everyday level word heading a line of words in lower or mixed case is
  // an advert's or a note's title as readily as a banner with a page
  // number; it counts if the message agrees (the same banner at the other
  // edge, a marked subject, portion marks). "SECRET - DRAFT" in capitals
  // is a banner.
  if (strong && kind == TextKind::kBody && s.mail_body && p.heading_word &&
      LowerCaseAfter(text, m) && TierHeadsBannerLine(text, m.begin, m.end)) {
    return Counts::kIfCorroborated;
  }
  *strength = strong ? Strength::kStrong : Strength::kWeak;
  return Counts::kYes;
}

// A banner that is a phrase of words ("LIMITED OFFICIAL USE", "LAW
// ENFORCEMENT SENSITIVE", no "//" in it) run on into more words of its
// line in capitals: a preposition right after it ("LIMITED OFFICIAL USE OF
// POOL CARS") or three words or more ("LAW ENFORCEMENT SENSITIVE DATA
// TRAINING IN MAY") make it the head of a notice's heading, not a banner.
// A banner run into the sentence it marks ("COSMIC TOP SECRET ATOMAL
// papers are attached.") is still one. A separator
// ("- DRAFT", "(LES)", ": visa cable") or one control word after it
// ("SENSITIVE BUT UNCLASSIFIED NOFORN") keeps it a banner (issue 13, round
// 33 defect 3).
bool PhraseRunsOn(std::string_view text, const RawMatch& m) {
  std::string_view matched = text.substr(m.begin, m.end - m.begin);
  if (matched.find(' ') == std::string_view::npos ||
      matched.find('/') != std::string_view::npos || m.end >= text.size() ||
      !IsBlank(text[m.end])) {
    return false;
  }
  std::size_t i = m.end;
  while (i < text.size() && IsBlank(text[i])) ++i;
  if (i == text.size() || !IsAlpha(text[i])) return false;
  std::string_view rest = text.substr(i, LineEnd(text, i) - i);
  std::size_t word_end = 0;
  while (word_end < rest.size() && IsAlpha(rest[word_end])) ++word_end;
  std::string_view first = rest.substr(0, word_end);
  static constexpr std::string_view kPrepositions[] = {
      "OF", "FOR", "IN", "ON", "AT", "BY", "WITH", "FROM", "TO", "AND", "OR"};
  for (std::string_view p : kPrepositions) {
    if (first == p) return true;
  }
  int words = 0;
  for (std::size_t k = 0; k < rest.size();) {
    while (k < rest.size() && IsBlank(rest[k])) ++k;
    if (k == rest.size()) break;
    if (!IsAlpha(rest[k])) return false;  // a separator or a digit ends the words
    for (; k < rest.size() && !IsBlank(rest[k]); ++k) {
      if (rest[k] >= 'a' && rest[k] <= 'z') return false;
    }
    ++words;
  }
  return words >= 3;
}

// Returns whether a marking match in `text` (s.text, or a part of it read
// as a subject) counts, and how strongly.
Counts PlacedStrength(const PatternEntry& p, TextKind kind,
                      const Scratch::Rep& s, std::string_view text,
                      const RawMatch& m, Strength* strength) {
  if (kind == TextKind::kHeaderLabel) {
    *strength = Strength::kStrong;
    return Counts::kYes;
  }
  bool subject_like = kind == TextKind::kSubject ||
                      kind == TextKind::kBulkSubject ||
                      kind == TextKind::kAttachmentName;
  if (p.kind != MarkingKind::kLabel && DescribedInProse(text, m.begin)) {
    // "the document, marked TOP SECRET, was found": named, not applied.
    *strength = Strength::kWeak;
    return Counts::kYes;
  }
  switch (p.kind) {
    case MarkingKind::kBanner:
      // "Active TOP SECRET/SCI clearance": a person's clearance level;
      // "stop putting SECRET//NOFORN in the subject": a mention.
      *strength = AboutClearance(text, m.begin, m.end) ||
                          InsideSentence(text, m.begin, m.end)
                      ? Strength::kWeak
                      : Strength::kStrong;
      // "RESTREINT UE explained: how ...": a body line that names it, or a
      // sender who ran the banner into the first sentence; it counts if
      // another marking of the message agrees.
      if (*strength == Strength::kStrong && kind == TextKind::kBody &&
          OpensSentence(text, m.begin, m.end)) {
        return Counts::kIfCorroborated;
      }
      if (*strength == Strength::kStrong && PhraseRunsOn(text, m)) {
        return Counts::kIfCorroborated;
      }
      return Counts::kYes;
    case MarkingKind::kPortion: {
      *strength = Strength::kStrong;
      PortionPlace place =
          subject_like
              ? (IsSubjectMarking(text, m.begin, m.end)
                     ? SubjectPortionPlace(text.substr(m.begin, m.end - m.begin))
                     : PortionPlace::kNone)
              : PortionMarkPlace(text, m.begin, m.end);
      switch (place) {
        case PortionPlace::kPortion:
          return Counts::kYes;
        case PortionPlace::kIfCorroborated:
          return Counts::kIfCorroborated;
        case PortionPlace::kNone:
          return Counts::kNo;
      }
      return Counts::kNo;
    }
    case MarkingKind::kClassification:
    case MarkingKind::kLabel:
      return WordStrength(p, kind, s, text, m, strength);
  }
  return Counts::kNo;
}

}  // namespace

// PlacedStrength in the scanned text; in a body, a match in the "Subject:"
// field of a quoted header block ("From: ...\nSent: ...\nSubject: UK TOP
// SECRET: plan") is also read as a subject, and counts if either reading
// makes it strong (position.h, QuotedSubjectField).
Counts MarkingStrength(const PatternEntry& p, TextKind kind,
                       const Scratch::Rep& s, const RawMatch& m,
                       Strength* strength) {
  Counts counts = PlacedStrength(p, kind, s, s.text, m, strength);
  if (kind != TextKind::kBody ||
      (counts == Counts::kYes && *strength == Strength::kStrong)) {
    return counts;
  }
  std::size_t vb = 0, ve = 0;
  if (!QuotedSubjectField(s.text, m.begin, &vb, &ve) || m.end > ve) {
    return counts;
  }
  RawMatch in_subject{m.id, m.begin - vb, m.end - vb};
  Strength subject_strength = Strength::kWeak;
  if (PlacedStrength(p, TextKind::kSubject, s, s.text.substr(vb, ve - vb),
                     in_subject, &subject_strength) == Counts::kYes &&
      subject_strength == Strength::kStrong) {
    *strength = Strength::kStrong;
    return Counts::kYes;
  }
  return counts;
}

}  // namespace nearmiss::content
