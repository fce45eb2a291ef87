#include "content/maildir_entry.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace nearmiss::content {

bool IsMaildirControlFile(std::string_view n) {
  for (std::string_view exact : {"dovecot-uidlist", "dovecot-uidvalidity", "dovecot-keywords",
                                 "dovecot-shared", "maildirfolder", "maildirsize",
                                 "subscriptions", "courierpop3dsizelist"}) {
    if (n == exact) return true;
  }
  for (std::string_view prefix : {"dovecot-uidvalidity.", "dovecot.index", "dovecot.list.index",
                                  "dovecot.mailbox.log", "dovecot-acl", "dovecot-uidlist.lock",
                                  "courierimap"}) {
    if (n.starts_with(prefix)) return true;
  }
  return false;
}

std::string NotAMessage(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::string("cannot open: ") + std::strerror(errno) + "; not read";
  char buf[1000];
  ssize_t got = ::pread(fd, buf, sizeof buf, 0);
  ::close(fd);
  if (got < 0) return std::string("cannot read: ") + std::strerror(errno) + "; not read";
  std::string_view head(buf, static_cast<size_t>(got));
  if (head.empty()) return "empty, not a message; not read";
  if (head.starts_with("From ")) return "";
  // RFC 5322 2.2: field-name = 1*ftext, ftext = %d33-57 / %d59-126.
  size_t i = 0;
  while (i < head.size() && head[i] >= 33 && head[i] <= 126 && head[i] != ':') ++i;
  if (i > 0 && i < head.size() && head[i] == ':') return "";
  return "not a message (it starts with no header field); not read";
}

}  // namespace nearmiss::content
