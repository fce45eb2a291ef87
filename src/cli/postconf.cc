#include "cli/postconf.h"

#include <unistd.h>

#include <sstream>
#include <vector>

#include "base/ascii.h"
#include "base/process.h"

namespace nearmiss::cli {
namespace {

// A domain as Postfix compares it: case folded, the root dot dropped.
std::string CanonicalDomain(std::string s) {
  s = AsciiLower(s);
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

std::string Trim(const std::string& s) {
  const size_t a = s.find_first_not_of(" \t\r");
  if (a == std::string::npos) return "";
  return s.substr(a, s.find_last_not_of(" \t\r") - a + 1);
}

}  // namespace

Result<PostconfValues> ParsePostconfOutput(const std::string& out) {
  std::vector<std::string> lines;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) lines.push_back(Trim(line));
  if (lines.size() != 6) {
    return Status::ParseError("postconf printed " + std::to_string(lines.size()) +
                              " lines for 6 parameters");
  }
  PostconfValues v;
  DeliveryPolicy& d = v.delivery;
  d.myhostname = CanonicalDomain(lines[0]);
  // mydestination: names and lookup tables separated by commas or spaces;
  // a table ("hash:/etc/postfix/local_domains") cannot be read here, so it
  // is skipped: its domains still get their routed domains judged.
  std::string name;
  for (char c : lines[1] + ",") {
    if (c == ',' || c == ' ' || c == '\t') {
      if (!name.empty() && name.find(':') == std::string::npos &&
          name.find('/') == std::string::npos) {
        d.mydestination.push_back(CanonicalDomain(name));
      }
      name.clear();
    } else {
      name += c;
    }
  }
  d.allow_percent_hack = lines[2] == "yes";
  d.swap_bangpath = lines[3] == "yes";
  d.myorigin = CanonicalDomain(lines[4]);
  d.configured = true;
  d.where = "postconf";
  // The policy's own rule for it (policy/history_section.cc).
  for (char c : lines[5]) {
    if (c <= ' ' || c >= 0x7f || c == '@' || c == '"' || c == '\\') {
      return Status::ParseError("postconf: recipient_delimiter '" + lines[5] +
                                "' holds a character no extension is split at");
    }
  }
  v.recipient_delimiter = lines[5];
  return v;
}

Result<PostconfValues> ReadPostconf(const std::string& config_dir) {
  std::string program;
  for (const char* p : {"/usr/sbin/postconf", "/usr/bin/postconf", "/usr/local/sbin/postconf"}) {
    if (::access(p, X_OK) == 0) {
      program = p;
      break;
    }
  }
  if (program.empty()) return Status::NotFound("postconf is not installed");
  std::vector<std::string> argv = {program};
  if (!config_dir.empty()) argv.insert(argv.end(), {"-c", config_dir});
  argv.insert(argv.end(),
              {"-xh", "myhostname", "mydestination", "allow_percent_hack", "swap_bangpath",
               "myorigin", "recipient_delimiter"});
  NM_ASSIGN_OR_RETURN(ProcessResult r,
                      RunProcess(argv, 64 * 1024, std::chrono::seconds(10)));
  if (r.exit_code != 0) {
    std::string err = Trim(r.err);
    for (char& c : err) {
      if (c == '\n' || c == '\r') c = ' ';
    }
    return Status::IoError("postconf failed: " + err);
  }
  return ParsePostconfOutput(r.out);
}

}  // namespace nearmiss::cli
