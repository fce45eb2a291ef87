// Real second-level zones: is "gov.cz" a zone a country runs (its
// government's, army's, schools'), so that mzv.gov.cz is a real domain and
// not mzv.gov with ".cz" added, nor mzv.gov.uk with a letter changed?
//
// A two-label name LABEL.CC is a real zone when it is one of the zones of
// data/lists/second-level-zones.txt under a delegated TLD (gov.cz; gov.scot
// and gov.wales, under geographic TLDs), or when CC is a delegated
// country-code TLD (root_zone.h) and either the Public Suffix List's ICANN
// section lists it (co.uk, com.au, gov.pl, mil.ru) or it is one of the
// zones of data/lists/second-level-zones.txt, each confirmed for its country
// by a source (gov.cz, gov.hu: real though the PSL leaves them out). A
// public-sector label under any other ccTLD is not a zone: mil.de, gov.de
// and mil.eu are ordinary names anyone may register, so army.mil.de is
// army.mil with ".de" added (mil.uk is the UK's defence zone, listed). The list's header gives its sources.
//
// Loaded on first use into a static set that is never freed. Thread
// safety: all functions may be called concurrently.
#ifndef NEARMISS_ADDRESS_SECOND_LEVEL_ZONE_H_
#define NEARMISS_ADDRESS_SECOND_LEVEL_ZONE_H_

#include <string_view>

namespace nearmiss::address {

// True when `ascii_domain` is an ICANN suffix only by an explicit wildcard
// rule of the Public Suffix List ("*.bd", "*.np", "*.kh", "*.sch.uk"):
// every label under the parent is then a "suffix", so the list says
// nothing of which zones the registry runs (gob.bd and gvo.bd are suffixes
// by it, no zones anyone has). Asked by probing the parent with a label no
// rule names. Defined in public_suffix.cc.
bool IsWildcardOnlySuffix(std::string_view ascii_domain);

// Under a ccTLD the list covers by a wildcard alone (*.bd, *.np, *.kh, *.mm,
// *.jm, *.pg, *.ck, *.fk, *.er) only the file's confirmed zones and the four
// public-sector zones such registries run (gov, mil, edu, ac: gov.bd,
// mil.np) count: gob.bd, gv.bd, go.bd are no zones but slips of gov.bd
// (issue 15, breaker 15 round 6, defect 1).
// True when the lower-case ASCII `zone` is exactly two labels ("gov.cz") and
// a real zone as above. "gov.ul" (no such TLD), "com.uk" (not listed, and
// com is left to the PSL), "cp.uk", "mil.de" and "gov.de" (not run by the
// country) are not.
bool IsRealSecondLevelZone(std::string_view zone);

// True when `label` is one of the list's public-sector labels ("gov", "mil",
// "edu", "ac", "gob", "go", "govt", "gouv", "gv"), whatever the TLD.
bool IsPublicSectorLabel(std::string_view label);

// The zone of `ascii_domain` made of its last two labels when it is a real
// second-level zone ("gov.cz" for mzv.gov.cz, "mil.ru" for mil.ru), else
// empty. A view into `ascii_domain`.
std::string_view RealSecondLevelZoneOf(std::string_view ascii_domain);

}  // namespace nearmiss::address

#endif  // NEARMISS_ADDRESS_SECOND_LEVEL_ZONE_H_
