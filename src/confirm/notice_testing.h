// For tests that read the confirm notice (notice_test.cc, link_test.cc):
// its body as the sender's client shows it.
#ifndef NEARMISS_CONFIRM_NOTICE_TESTING_H_
#define NEARMISS_CONFIRM_NOTICE_TESTING_H_

#include <string>

namespace nearmiss::confirm {

// The body after the blank line, quoted-printable decoded (RFC 2045
// section 6.7): soft breaks "=\r\n" removed, "=XX" read as its byte. A
// reader of what the notice says, not its writer.
inline std::string DecodedBody(const std::string& message) {
  std::string qp = message.substr(message.find("\r\n\r\n") + 4);
  std::string out;
  for (size_t i = 0; i < qp.size(); ++i) {
    if (qp[i] != '=') {
      out += qp[i];
    } else if (qp.compare(i + 1, 2, "\r\n") == 0) {
      i += 2;
    } else {
      out += static_cast<char>(std::stoi(qp.substr(i + 1, 2), nullptr, 16));
      i += 2;
    }
  }
  return out;
}

}  // namespace nearmiss::confirm

#endif  // NEARMISS_CONFIRM_NOTICE_TESTING_H_
