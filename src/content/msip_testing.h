// For the label tests: an msip_labels header value (Microsoft Learn, "MIP
// SDK: label metadata") naming one enabled label by `name`.
#ifndef NEARMISS_CONTENT_MSIP_TESTING_H_
#define NEARMISS_CONTENT_MSIP_TESTING_H_

#include <string>
#include <string_view>

namespace nearmiss::content {

inline constexpr char kMsipGuid[] = "MSIP_Label_6c3a2f1e-9b8d-4e7f-a1b2-c3d4e5f60718_";

inline std::string Msip(std::string_view name) {
  return std::string(kMsipGuid) + "Enabled=true; " + kMsipGuid + "Method=Standard; " +
         kMsipGuid + "Name=" + std::string(name) + "; " + kMsipGuid + "ContentBits=0";
}

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_MSIP_TESTING_H_
