// What the local Postfix says about where it delivers: the [delivery]
// parameters (nearmiss/delivery.h) and recipient_delimiter read with
// `postconf -xh`, for a milter whose policy does not give them.
//
// Thread safety: runs a process; call from one thread at start-up.
#ifndef NEARMISS_CLI_POSTCONF_H_
#define NEARMISS_CLI_POSTCONF_H_

#include <string>

#include "nearmiss/policy.h"
#include "nearmiss/status.h"

namespace nearmiss::cli {

struct PostconfValues {
  DeliveryPolicy delivery;
  // Postfix's recipient_delimiter (postconf(5)): each character a delimiter
  // ("+-": both); "" when Postfix splits no extension. The policy's
  // [history] recipient_delimiter, when the policy sets none.
  std::string recipient_delimiter;
};

// Runs `postconf [-c CONFIG_DIR] -xh myhostname mydestination
// allow_percent_hack swap_bangpath myorigin recipient_delimiter`
// (`config_dir` empty: Postfix's default). kNotFound when postconf is not
// installed; kIoError when it fails (no main.cf), with its error.
Result<PostconfValues> ReadPostconf(const std::string& config_dir);

// The same parse from postconf's output, one value a line in the order
// above; mydestination's names are separated by commas and white space. A
// recipient_delimiter with characters no address extension is split at
// ('@', quotes, blanks, controls) is a kParseError naming it.
Result<PostconfValues> ParsePostconfOutput(const std::string& out);

}  // namespace nearmiss::cli

#endif  // NEARMISS_CLI_POSTCONF_H_
