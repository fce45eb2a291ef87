#include "address/special_use_names.h"

#include "address/idna.h"

namespace nearmiss::address {

std::string_view SpecialUseTldRfc(std::string_view tld) {
  struct Entry {
    std::string_view tld, rfc;
  };
  static constexpr Entry kEntries[] = {
      {"test", "RFC 6761"},  {"example", "RFC 6761"}, {"invalid", "RFC 6761"},
      {"localhost", "RFC 6761"}, {"local", "RFC 6762"}, {"onion", "RFC 7686"},
      {"alt", "RFC 9476"}};
  for (const Entry& e : kEntries) {
    if (e.tld == tld) return e.rfc;
  }
  return {};
}

std::string NoSuchTldPhrase(std::string_view tld) {
  std::string s = "the TLD .";
  s.append(ShownAddress(tld));
  const std::string_view rfc = SpecialUseTldRfc(tld);
  if (rfc.empty()) {
    s.append(" does not exist");
  } else {
    s.append(" is a special-use name (").append(rfc).append("), not deliverable on the Internet");
  }
  return s;
}

ReasonCode NoSuchTldCode(std::string_view tld) {
  return SpecialUseTldRfc(tld).empty() ? ReasonCode::kTldNotDelegated : ReasonCode::kSpecialUseName;
}

std::string NoSuchTldThen(std::string_view tld, std::string_view detail) {
  const std::string head = "the TLD ." + ShownAddress(tld);
  std::string s = NoSuchTldPhrase(tld);
  // "and has 'e' typed twice" reads on only after "does not exist".
  if (SpecialUseTldRfc(tld).empty() && detail.starts_with(head + " ")) {
    return s.append(" and").append(detail.substr(head.size()));
  }
  std::string_view rest = detail;
  if (rest.starts_with(head + " ")) rest.remove_prefix(head.size() + 1);
  return s.append("; ").append(rest);
}

}  // namespace nearmiss::address
