#include "http/console_assets.h"

namespace nearmiss::data {
extern const std::string_view kConsoleHtml;
extern const std::string_view kConsoleJs;
extern const std::string_view kConsoleCss;
extern const std::string_view kConsoleIcon;
extern const std::string_view kConsoleViewsJs;
extern const std::string_view kConsoleChartsJs;
extern const std::string_view kConsoleAcksJs;
}  // namespace nearmiss::data

namespace nearmiss::http {

const std::vector<ConsoleAsset>& ConsoleAssets() {
  static const std::vector<ConsoleAsset> kAssets = {
      {"/", "text/html; charset=utf-8", data::kConsoleHtml},
      {"/app.js", "text/javascript; charset=utf-8", data::kConsoleJs},
      {"/views.js", "text/javascript; charset=utf-8", data::kConsoleViewsJs},
      {"/charts.js", "text/javascript; charset=utf-8", data::kConsoleChartsJs},
      {"/acks.js", "text/javascript; charset=utf-8", data::kConsoleAcksJs},
      {"/app.css", "text/css; charset=utf-8", data::kConsoleCss},
      {"/icon.svg", "image/svg+xml", data::kConsoleIcon},
  };
  return kAssets;
}

}  // namespace nearmiss::http
