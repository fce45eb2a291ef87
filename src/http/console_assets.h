// The console's static files, compiled into the binary (cmake nm_embed) so
// `nearmiss serve` needs no install step and no CDN.
#ifndef NEARMISS_HTTP_CONSOLE_ASSETS_H_
#define NEARMISS_HTTP_CONSOLE_ASSETS_H_

#include <string_view>
#include <vector>

namespace nearmiss::http {

struct ConsoleAsset {
  std::string_view path;  // "/", "/app.js"
  std::string_view content_type;
  std::string_view body;
};

const std::vector<ConsoleAsset>& ConsoleAssets();

}  // namespace nearmiss::http

#endif  // NEARMISS_HTTP_CONSOLE_ASSETS_H_
