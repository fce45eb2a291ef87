// MarkingStrength: whether a marking match counts, and how strongly, by its
// place in the text (position.h's rules) and its case. Banners and portion
// marks are judged here; classification words and label names by
// WordStrength (word_strength.h).
#include "content/marking_strength.h"

#include <algorithm>
#include <string>

#include "content/compound_hyphen.h"
#include "content/cui_label.h"
#include "content/example_line.h"
#include "content/labelled_line.h"
#include "content/legend_words.h"
#include "content/line_text.h"
#include "content/position.h"
#include "content/self_statement.h"
#include "content/subject_mention.h"
#include "content/word_strength.h"

namespace nearmiss::content {
namespace {

// A verb that defines what stands before it, right after a portion mark:
// "(S//NF) means ...", "(TS//SI) stands for ...".
bool DefinedAfter(std::string_view text, std::size_t end) {
  constexpr std::string_view kVerbs[] = {"means ", "stands for ", "is short for ",
                                         "denotes ", "refers to ", "indicates "};
  std::size_t i = end;
  while (i < text.size() && IsBlank(text[i])) ++i;
  if (i == end) return false;
  for (std::string_view v : kVerbs) {
    if (text.compare(i, v.size(), v) == 0) return true;
  }
  return false;
}

// The word right before the match on its line is NOT, NO or NON, joined by a
// blank or a hyphen: "NOT ITAR CONTROLLED", "NO EXPORT CONTROLLED DATA",
// "NON-ITAR CONTROLLED" are the headings datasheets and brochures print to
// say the opposite of the legend (round 57's tester 13, finding 8). A banner
// states a marking; a negation in front of it denies one.
bool NegatedBefore(std::string_view text, std::size_t begin) {
  std::size_t i = begin;
  if (i == 0 || (text[i - 1] != ' ' && text[i - 1] != '-')) return false;
  while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '-')) --i;
  const std::size_t word_end = i;
  while (i > 0 && IsAlpha(text[i - 1])) --i;
  const std::string_view word = text.substr(i, word_end - i);
  for (std::string_view no : {"not", "no", "non"}) {
    if (word.size() == no.size() && StartsWithNoCaseAt(word, 0, no)) return true;
  }
  return false;
}

// The line right above `begin`'s (no blank line between) ends as a
// banner wrapped onto the next line does: in a capital, "/", "-" or a
// comma after a capital ("TOP SECRET\n//SI/TK//NOFORN", "CUI//SP-PRVCY/SP-\n
// PROPIN//NOFORN", "REL TO USA,\nGBR"). A control run there is the
// banner's tail, not a banner of its own.
bool WrappedFromLineAbove(std::string_view text, std::size_t begin) {
  std::size_t i = LineStart(text, begin);
  if (i == 0 || text[i - 1] != '\n') return false;
  --i;
  while (i > 0 && (IsBlank(text[i - 1]) || text[i - 1] == '\r')) --i;
  if (i == 0 || text[i - 1] == '\n') return false;  // a blank line above
  const char last = text[i - 1];
  if (last == ',') return i >= 2 && IsUpper(text[i - 2]);
  return IsUpper(last) || last == '/' || last == '-';
}

// A portion mark leading a subject: with controls ("(S//NF) Convoy") it
// counts; a bare one ("(S) Blue T-shirt", "(TS) Tom's leaving do") only if
// the message agrees, as in a body.
PortionPlace SubjectPortionPlace(std::string_view spaced) {
  std::string compact = CompactPortionMark(spaced);
  std::string_view mark = compact;
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
    s.why = "a label header";
    return Counts::kYes;
  }
  // "CUI: RO12345678", "Factura, CUI RO12345678", "the CUI of your company":
  // Romania's company tax code, in a subject, a body or a file name
  // (cui_label.h; round 54's tester 13, finding 7).
  if (CuiNamesTaxCode(text, m.begin) && p.pack == "us-cui") {
    *strength = Strength::kWeak;
    s.why = kCuiTaxCodeWhy;
    return Counts::kYes;
  }
  bool subject_like = kind == TextKind::kSubject ||
                      kind == TextKind::kBulkSubject ||
                      kind == TextKind::kAttachmentName;
  // "This email is UK SECRET.", "The attachment is marked SECRET", "...
  // is classified SECRET//NOFORN": the sender states the text's level
  // wherever the sentence stands (self_statement.h), in capitals or a
  // pack's mixed-case form. After a bare "is" the everyday words ("This
  // email is CONFIDENTIAL") are how disclaimers speak: they count if the
  // message agrees.
  if (kind == TextKind::kBody && p.kind != MarkingKind::kLabel &&
      p.kind != MarkingKind::kPortion) {
    SelfStatement stated = StatesOwnLevel(text, m.begin, m.end);
    // The level quoted in the statement ('This email is classified
    // "SECRET//NOFORN".') is stated all the same (round 48's tester 13,
    // finding 1: the quoted-mention rule let it out).
    if (stated == SelfStatement::kNone) {
      std::size_t shift = 0;
      if (const std::string plain = WithoutQuotes(text, m.begin, m.end, &shift); !plain.empty()) {
        stated = StatesOwnLevel(plain, m.begin - shift, m.end - shift);
      }
    }
    if (stated != SelfStatement::kNone &&
        (p.mixed_case || WrittenInCapitals(text.substr(m.begin, m.end - m.begin)))) {
      s.why = "a sentence stating the text's level";
      // The bare tier ("SECRET", "TOP SECRET", "CONFIDENTIAL"), no national
      // prefix nor compound form: "This is TOP SECRET!", "I've marked this
      // SECRET :)", "This email is TOP SECRET - don't tell Jim!" say it of
      // a surprise as readily as of a marked text; with the pronoun alone
      // or with emphasis it counts where the message agrees (round 51's
      // tester 13, finding 5). Business mail's word (CONFIDENTIAL,
      // SENSITIVE) in any wording ("Please treat this email as
      // CONFIDENTIAL", "This email is classified as CONFIDENTIAL") as
      // "This email is CONFIDENTIAL" (round 51's tester 13, finding 4).
      const bool bare_tier = OrdinaryMailWord(p) || p.heading_word;
      if (s.bulk_body || p.footer_word ||
          (stated == SelfStatement::kCopula && OrdinaryMailWord(p)) ||
          (bare_tier && (stated == SelfStatement::kPronoun ||
                         EmphaticStatement(text, m.begin, m.end)))) {
        return Counts::kIfCorroborated;
      }
      *strength = Strength::kStrong;
      return Counts::kYes;
    }
  }
  // "The UK scheme has three tiers:\n\nOFFICIAL\nSECRET\nTOP SECRET", a
  // form spec's values, "die Stufen sind:\n\nVS-NfD\nGEHEIM": the levels
  // listed one a line, as a form's row lists them (level_column.h; round
  // 58c's tester 13, finding 1).
  if (kind == TextKind::kBody &&
      std::any_of(s.level_columns.begin(), s.level_columns.end(), [&](const auto& c) {
        return m.begin >= c.first && m.end <= c.second;
      })) {
    *strength = Strength::kWeak;
    s.why = "a list of the levels under a line that introduces it";
    return Counts::kYes;
  }
  // "Example banner:\n\nSECRET//NOFORN", "Correct: SECRET//NOFORN": a
  // marking guide's example, which counts only where the message agrees
  // (example_line.h; round 58c's tester 13, finding 4).
  if (kind == TextKind::kBody && p.kind != MarkingKind::kLabel && SetOutAsExample(text, m.begin)) {
    *strength = Strength::kStrong;
    s.why = kExampleWhy;
    return Counts::kIfCorroborated;
  }
  if (p.kind != MarkingKind::kLabel && DescribedInProse(text, m.begin)) {
    // "the document, marked TOP SECRET, was found": named, not applied.
    *strength = Strength::kWeak;
    s.why = "described in prose (marked, labelled, stamped ...)";
    return Counts::kYes;
  }
  switch (p.kind) {
    case MarkingKind::kBanner: {
      if (NegatedBefore(text, m.begin)) return Counts::kNo;
      // A form that counts only on a line of its own (pack.h, line_alone):
      // "LIMITE" under a Council document's number, not "DATE LIMITE".
      if (p.line_alone &&
          !(IsBlankLine(text, LineStart(text, m.begin), m.begin) &&
            IsBlankLine(text, m.end, LineEnd(text, m.end)))) {
        return Counts::kNo;
      }
      // "NOFORN" alone on its line: a banner only where the message agrees
      // (pack.h, agree_only; the same line at the other end agrees).
      // At the text's edge only, where a banner stands: a training note
      // lists the controls one per line in its middle.
      if (p.agree_only) {
        if (kind == TextKind::kBody && !IsEdgeLine(text, m.begin, m.end)) return Counts::kNo;
        if (p.line_alone && WrappedFromLineAbove(text, m.begin)) return Counts::kNo;
        *strength = Strength::kStrong;
        s.why = "a control alone on its line at the text's edge, which counts where the message "
                "agrees";
        return Counts::kIfCorroborated;
      }
      // "Active TOP SECRET/SCI clearance": a person's clearance level;
      // "stop putting SECRET//NOFORN in the subject": a mention. In a
      // subject, a compound form in capitals is the subject's marking
      // wherever it stands ("Update on SECRET//NOFORN convoy plan",
      // "Convoy plan [SEC=PROTECTED] v2"): a subject is a title, not prose
      // that names a marking (round 50's tester 13, finding 3).
      // Not a sentence that names it as a kind of material ("Training: how
      // to handle SECRET//NOFORN material": subject_mention.h).
      const bool subject_title =
          kind == TextKind::kSubject &&
          WrittenInCapitals(text.substr(m.begin, m.end - m.begin));
      // A bracketed form a subject's sentence runs through ("Q: what does
      // (S//NF) mean?", "is it (S//REL TO USA, GBR) or ...?") is asked
      // about as readily as a bare one.
      std::size_t bracket_end = m.end;
      const bool bracketed = BracketedInSentence(text, m.begin, m.end, &bracket_end);
      // The same of a form in title case ("Training: what counts as Export
      // Controlled Information?"; round 53's tester 13, finding 4).
      if (kind == TextKind::kSubject &&
          (bracketed ? NamesMarkingInSubject(text, m.begin - 1, bracket_end) ||
                           text.find('?', bracket_end) != std::string_view::npos
                     : !IsSubjectMarking(text, m.begin, m.end) &&
                           NamesMarkingInSubject(text, m.begin, m.end))) {
        *strength = Strength::kWeak;
        s.why = "named in the subject's sentence, not its tag";
        return Counts::kYes;
      }
      *strength = AboutClearance(text, m.begin, m.end) ||
                          (!subject_title && (InsideSentence(text, m.begin, m.end) ||
                                              bracketed)) ||
                          (kind == TextKind::kBody && QuotedInSentence(text, m.begin, m.end))
                      ? Strength::kWeak
                      : Strength::kStrong;
      s.why = *strength == Strength::kStrong ? "a banner form"
              : AboutClearance(text, m.begin, m.end) ? "a person's clearance"
              : !subject_title && bracketed ? "a bracketed form inside a sentence"
              : !subject_title && InsideSentence(text, m.begin, m.end) ? "inside a sentence"
                                                     : "quoted in a sentence";
      // "VS-NfD-Zulassung", "VS-NfD-Schulung am Montag": the form as the
      // first part of a compound noun names a topic (compound_hyphen.h;
      // round 58b's tester 13, finding 12). A control after the hyphen
      // stays the banner's tail.
      if (*strength == Strength::kStrong && HyphenJoinsWordAfter(text, m.end)) {
        *strength = Strength::kWeak;
        s.why = "the first part of a compound word (VS-NfD-Zulassung)";
        return Counts::kYes;
      }
      // "Duties: classify items ... (e.g. ECCN 3A001, USML Category XI),
      // file licences.": named in a labelled line's prose, not its value
      // (labelled_line.h).
      if (*strength == Strength::kStrong && kind == TextKind::kBody &&
          InLabelledProse(text, m.begin)) {
        *strength = Strength::kWeak;
        s.why = "named in a labelled line's prose, not its value";
        return Counts::kYes;
      }
      // "RESTREINT UE explained: how ...": a body line that names it, or a
      // sender who ran the banner into the first sentence; it counts if
      // another marking of the message agrees.
      if (*strength == Strength::kStrong && kind == TextKind::kBody &&
          OpensSentence(text, m.begin, m.end)) {
        s.why = "opens a sentence that defines it";
        return Counts::kIfCorroborated;
      }
      // "CONFIDENTIAL//ATTORNEY WORK PRODUCT": a law firm's legend after
      // the banner's strokes, no control of the register (round 50's
      // tester 13, finding 7).
      if (*strength == Strength::kStrong && text.compare(m.begin, 12, "CONFIDENTIAL") == 0 &&
          HasLegalLegend(text.substr(m.begin, LineEnd(text, m.begin) - m.begin))) {
        *strength = Strength::kWeak;
        s.why = "a legal legend after it, no control";
        return Counts::kYes;
      }
      if (*strength == Strength::kStrong && PhraseRunsOn(text, m)) {
        s.why = "runs on into a heading's words";
        return Counts::kIfCorroborated;
      }
      if (*strength == Strength::kStrong && p.mixed_case &&
          (kind == TextKind::kSubject || kind == TextKind::kBulkSubject) &&
          IsSubjectMarking(text, m.begin, m.end) &&
          !MixedCaseLeadsSubject(text, m)) {
        *strength = Strength::kWeak;
        s.why = "mixed case not set off from the subject's words";
      }
      return Counts::kYes;
    }
    case MarkingKind::kPortion: {
      // "Systems Engineer (TS/SCI)": the clearance a job asks for, in the
      // portion's brackets (round 41 item 6).
      if (AboutClearance(text, m.begin, m.end)) {
        *strength = Strength::kWeak;
        s.why = "a person's clearance";
        return Counts::kYes;
      }
      *strength = Strength::kStrong;
      // "(S//NF) means Secret, no foreign nationals.": the mark as the
      // subject of a verb that defines it explains the mark; a portion
      // opens the paragraph's own sentence (round 53's tester 13, finding 3).
      if (kind == TextKind::kBody && DefinedAfter(text, m.end)) {
        s.why = "opens a sentence that defines it";
        return Counts::kIfCorroborated;
      }
      bool in_subject = kind == TextKind::kSubject || kind == TextKind::kBulkSubject;
      PortionPlace place =
          subject_like
              ? (IsSubjectMarking(text, m.begin, m.end) ||
                         (in_subject && PortionEndsSubject(text, m.begin, m.end))
                     ? SubjectPortionPlace(text.substr(m.begin, m.end - m.begin))
                     : PortionPlace::kNone)
              : PortionMarkPlace(text, m.begin, m.end);
      switch (place) {
        case PortionPlace::kPortion:
          s.why = "a portion mark";
          return Counts::kYes;
        case PortionPlace::kIfCorroborated:
          s.why = "a bare portion mark, also a list label or initials";
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
// SECRET: plan") or on a memo's or a pasted "Subject:" line opening its
// paragraph is also read as a subject, and counts if either reading makes it
// strong (position.h, QuotedSubjectField, PastedSubjectLine).
Counts MarkingStrength(const PatternEntry& p, TextKind kind,
                       const Scratch::Rep& s, const RawMatch& m,
                       Strength* strength) {
  s.why = {};
  Counts counts = PlacedStrength(p, kind, s, s.text, m, strength);
  if (kind != TextKind::kBody ||
      (counts == Counts::kYes && *strength == Strength::kStrong)) {
    return counts;
  }
  std::size_t vb = 0, ve = 0;
  std::string_view why = "the subject of a quoted header";
  if (!QuotedSubjectField(s.text, m.begin, &vb, &ve) || m.end > ve) {
    if (!PastedSubjectLine(s.text, m.begin, &vb, &ve) || m.end > ve) return counts;
    why = "the subject of a memo or a pasted subject line";
  }
  RawMatch in_subject{m.id, m.begin - vb, m.end - vb};
  Strength subject_strength = Strength::kWeak;
  if (PlacedStrength(p, TextKind::kSubject, s, s.text.substr(vb, ve - vb),
                     in_subject, &subject_strength) == Counts::kYes &&
      subject_strength == Strength::kStrong) {
    *strength = Strength::kStrong;
    s.why = why;
    return Counts::kYes;
  }
  return counts;
}

}  // namespace nearmiss::content
