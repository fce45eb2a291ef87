#include "content/pack.h"

// Defined by nm_embed (cmake/nearmiss.cmake) from data/markings/*.toml.
namespace nearmiss::data {
extern const std::string_view kMarkingPackUk;
extern const std::string_view kMarkingPackUsClassified;
extern const std::string_view kMarkingPackUsCui;
extern const std::string_view kMarkingPackNatoEu;
extern const std::string_view kMarkingPackLabels;
extern const std::string_view kMarkingPackAu;
extern const std::string_view kMarkingPackDe;
}  // namespace nearmiss::data

namespace nearmiss::content {

std::vector<EmbeddedPack> BuiltinPacks() {
  return {
      {"uk.toml", data::kMarkingPackUk},
      {"us-classified.toml", data::kMarkingPackUsClassified},
      {"us-cui.toml", data::kMarkingPackUsCui},
      {"nato-eu.toml", data::kMarkingPackNatoEu},
      {"labels.toml", data::kMarkingPackLabels},
      // After labels: a label header value such as "PROTECTED" keeps being
      // reported by the labels pack, which matches it first.
      {"au.toml", data::kMarkingPackAu},
      {"de.toml", data::kMarkingPackDe},
  };
}

}  // namespace nearmiss::content
