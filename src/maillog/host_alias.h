// One logging host under several spellings of its syslog name. Host names
// are compared without case (RFC 4343), and a short name is the first
// label of its fully qualified one (RFC 1034 §3.1; rsyslog's
// $PreserveFQDN writes "mail.example.org" where the host's own syslog
// wrote "mail"): the same host's log given twice, once from the host and
// once from a central syslog server, is one host, so its deliveries are
// read again, not counted twice (issue-16 tester round 59c, finding 1).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace nearmiss::maillog {

// Two host names that name one host: equal without case, or one the other's
// first label ("mail" and "MAIL.example.org"). IPv4 literals have no label.
bool SameLoggingHost(std::string_view a, std::string_view b);

// Gives each host name the spelling first seen of its host. A host joins a
// group only when it is the same host as every name in it, so "mail" with
// "mail.a.example" never draws "mail.b.example" in (two hosts that
// happen to share a first label stay apart). Bounded: past kMaxNames
// a new name keeps its own spelling (counted apart, never once too few).
class HostAliases {
 public:
  // The spelling `host` is kept under: a view into this object (or `host`
  // itself), valid until the next call.
  std::string_view Canonical(std::string_view host);

 private:
  static constexpr size_t kMaxNames = 256;
  struct Group {
    std::string shown;                 // the first spelling seen
    std::vector<std::string> members;  // every spelling seen
  };
  std::vector<Group> groups_;
  // The last name asked and its group: a log's lines mostly share one.
  std::string last_;
  size_t last_group_ = 0;
  bool has_last_ = false;
  size_t names_ = 0;
};

}  // namespace nearmiss::maillog
