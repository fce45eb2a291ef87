// ReportMarking: the audit report's own protective marking, from the data.
//
// A report is at least as sensitive as the most sensitive message it
// describes (aggregation: UK Government Security Classifications 2023;
// CAPCO's banner carries every control of its portions). The marking it
// prints is the data's own, in the scheme each finding came from, never
// translated onto the policy's common scale (DESIGN.md "sensitivity"): that
// scale ranks CONFIDENTIAL, SECRET and PROTECTED alike, and printing a US
// CONFIDENTIAL report as SECRET over-marks it, a CUI one as
// OFFICIAL-SENSITIVE makes a marking no scheme has.
//
// Per marking pack (a scheme: "uk", "us-classified", "us-cui", "au",
// "nato-eu", "labels"), the highest strong finding is kept: first by the
// common scale, then, for levels the scale puts on one step, by the
// scheme's own order of its words (EO 13526 1.2: CONFIDENTIAL < SECRET;
// PSPF: PROTECTED < SECRET; NATO/EU: RESTRICTED < CONFIDENTIAL < SECRET).
// Its level word is written as the scheme writes it: a portion mark or an
// abbreviated banner spelt out ("(C//REL TO USA, GBR)" -> "CONFIDENTIAL",
// "S//NF" -> "SECRET"), Australia's "[SEC=PROTECTED" -> "PROTECTED",
// "OFFICIAL: Sensitive" as the PSPF writes it, a Purview label as named.
// The scheme's caveats and controls of every strong finding are kept after
// it in the order first seen: "//NOFORN", "//SI", " UK EYES ONLY",
// " COMMERCIAL"; NOFORN supersedes REL TO, and several REL TO lists become
// the countries common to all (CAPCO: the banner's REL TO is the
// intersection of its portions'; none left but USA is NOFORN).
//
// Australia's email label ("[SEC=PROTECTED, CAVEAT=SH:CABINET,
// ACCESS=Legal-Privilege]", Email Protective Marking Standard 2012.3 and
// 2018.4) keeps its fields as the standard writes them after the level
// ("PROTECTED, CAVEAT=SH:CABINET, ACCESS=Legal-Privilege"); its EXPIRES=
// and DOWNTO= only when every email label of the scheme gives the same
// (else the report would claim to expire where one of its messages does
// not), and they are not caveats a --marking must carry.
//
// Banner(): one scheme's marking alone ("CONFIDENTIAL//REL TO USA, GBR"),
// several joined by " / ", highest first, each after its scheme's name
// where its words do not say it ("UK SECRET / US CONFIDENTIAL//REL TO
// USA, GBR"; NATO and EU markings name themselves).
//
// Thread safety: one per Report.
#ifndef NEARMISS_INVESTIGATE_REPORT_MARKING_H_
#define NEARMISS_INVESTIGATE_REPORT_MARKING_H_

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "nearmiss/content_sensitivity.h"

namespace nearmiss::investigate {

// `s` with each finding of the X-Protective-Marking header (the labels
// pack reads its SEC= value alone: "PROTECTED") read as Australia's email
// label with the header's other fields ("[SEC=PROTECTED,
// CAVEAT=SH:CABINET]", pack "au"), as the subject form is, so a report's
// marking keeps the caveats of either (tester round 7 item 4).
// `label_headers`: the message's (content::ScannedMessage::label_headers).
content::Sensitivity WithEmailLabelFields(
    const content::Sensitivity& s,
    const std::vector<std::pair<std::string, std::string>>& label_headers);

class ReportMarking {
 public:
  // Adds `s`'s strong findings of a marking pack (not a detector's, a
  // policy pattern's ("custom") or a limit's).
  void Add(const content::Sensitivity& s);
  // "" when no marking was added.
  std::string Banner() const;
  // Every caveat of the banner, each with its separator ("//NOFORN",
  // " UK EYES ONLY"), scheme after scheme: what a --marking given must
  // carry too (cli/audit_marking.h).
  std::vector<std::string> Caveats() const;
  // Whether this marking (a --marking read by the same packs) carries the
  // data's caveat `c`, one of another's Caveats(): the same words, whatever
  // the separator or brackets ("SECRET UK EYES ONLY" carries " UK EYES
  // ONLY" of "SECRET [UK EYES ONLY]"); for "//REL TO ...", NOFORN or a REL
  // TO naming no country outside c's (CAPCO: a list with more countries,
  // or "NOT REL TO", releases what the data does not).
  bool Carries(const std::string& c) const;
  // Whether the banner says more than the level: caveats, or an expiry.
  bool Qualified() const;

 private:
  struct Scheme {
    int rank = -1;       // common scale (content::Level)
    int word_rank = -1;  // the scheme's own order within one step
    std::string level;   // as the scheme writes it: "CONFIDENTIAL"
    std::vector<std::string> caveats;  // in the order first seen
    // "REL TO" country lists seen, intersected (CAPCO).
    bool rel_to_seen = false;
    std::vector<std::string> rel_to;
    // The email labels' ", EXPIRES=..., DOWNTO=..." (Parse): the first
    // seen, dropped once another label differs.
    bool expiry_seen = false, expiry_differs = false;
    std::string expiry;
  };
  // The scheme's caveats as the banner writes them (REL TO resolved).
  static std::vector<std::string> Written(const Scheme& s);
  std::map<std::string, Scheme> by_pack_;
};

}  // namespace nearmiss::investigate

#endif  // NEARMISS_INVESTIGATE_REPORT_MARKING_H_
