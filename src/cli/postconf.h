// What the local Postfix says about where it delivers: the [delivery]
// parameters (nearmiss/delivery.h) read with `postconf -xh`, for a milter
// whose policy does not give them.
//
// Thread safety: runs a process; call from one thread at start-up.
#ifndef NEARMISS_CLI_POSTCONF_H_
#define NEARMISS_CLI_POSTCONF_H_

#include <string>

#include "nearmiss/policy.h"
#include "nearmiss/status.h"

namespace nearmiss::cli {

// Runs `postconf [-c CONFIG_DIR] -xh myhostname mydestination
// allow_percent_hack swap_bangpath myorigin` (`config_dir` empty: Postfix's
// default). kNotFound when postconf is not installed; kIoError when it fails
// (no main.cf), with its error.
Result<DeliveryPolicy> ReadPostconf(const std::string& config_dir);

// The same parse from postconf's output, one value a line in the order
// above; mydestination's names are separated by commas and white space.
Result<DeliveryPolicy> ParsePostconfOutput(const std::string& out);

}  // namespace nearmiss::cli

#endif  // NEARMISS_CLI_POSTCONF_H_
