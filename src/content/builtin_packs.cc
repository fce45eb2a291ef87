#include "content/pack.h"

// Defined by nm_embed (cmake/nearmiss.cmake) from data/markings/*.toml.
namespace nearmiss::data {
extern const std::string_view kMarkingPackUk;
extern const std::string_view kMarkingPackUsClassified;
extern const std::string_view kMarkingPackUsCui;
extern const std::string_view kMarkingPackNatoEu;
extern const std::string_view kMarkingPackLabels;
}  // namespace nearmiss::data

namespace nearmiss::content {

std::vector<EmbeddedPack> BuiltinPacks() {
  return {
      {"uk.toml", data::kMarkingPackUk},
      {"us-classified.toml", data::kMarkingPackUsClassified},
      {"us-cui.toml", data::kMarkingPackUsCui},
      {"nato-eu.toml", data::kMarkingPackNatoEu},
      {"labels.toml", data::kMarkingPackLabels},
  };
}

}  // namespace nearmiss::content
