// The data files compiled into the binary (see data/lists/).
#ifndef NEARMISS_ENGINE_EMBEDDED_LISTS_H_
#define NEARMISS_ENGINE_EMBEDDED_LISTS_H_

#include <string_view>
#include <vector>

#include "nearmiss/lookalike.h"
#include "nearmiss/status.h"

namespace nearmiss {
namespace data {
extern const std::string_view kProtectedList;
extern const std::string_view kProvidersList;
extern const std::string_view kTldConfusions;
extern const std::string_view kProviderRegions;
extern const std::string_view kRealMailDomains;
extern const std::string_view kProviderWebDomains;
extern const std::string_view kWordProviderNames;
extern const std::string_view kSuffixMailDomains;
}  // namespace data

namespace engine {

// Parses "TYPED INTENDED NOTE..." lines; errors name NAME:LINE.
Result<std::vector<SuffixConfusion>> ParseSuffixConfusions(std::string_view text,
                                                           std::string_view name);

// Parses "NAME HOME [DOMAIN...]" lines ("\\" continues a line); errors
// name NAME:LINE.
Result<std::vector<ProviderFamily>> ParseProviderFamilies(std::string_view text,
                                                         std::string_view name);

// Parses "NAME WHY..." lines into the names; errors name NAME:LINE.
Result<std::vector<std::string>> ParseWordNames(std::string_view text, std::string_view name);

// Parses "DOMAIN NOTE..." lines; errors name NAME:LINE.
Result<std::vector<RealMailDomain>> ParseRealMailDomains(std::string_view text,
                                                        std::string_view name);

// Parses "WEB-DOMAIN MAIL-DOMAIN SOURCE..." lines; errors name NAME:LINE.
Result<std::vector<ProviderWebDomain>> ParseProviderWebDomains(std::string_view text,
                                                              std::string_view name);

}  // namespace engine
}  // namespace nearmiss

#endif  // NEARMISS_ENGINE_EMBEDDED_LISTS_H_
