// PostfixLog, whose queue a line is: queue ids are unique per Postfix
// instance only (a short id is the inode number and time of its queue file;
// postconf(5) enable_long_queue_ids), so a central syslog of several hosts,
// or one host's several instances (postmulti(1)), may show one id for two
// messages at once (breaker round 3 §2). Queues are kept by (queue id, host,
// instance), and a hand-off's "queued as X" is looked for where the relay
// took the message (postfix_log.h).
#include <algorithm>
#include <string>

#include "maillog/loopback_relay.h"
#include "maillog/postfix_log.h"

namespace nearmiss::maillog {
namespace {

constexpr char kScopeMark = '\x1f';
constexpr size_t kMaxScopes = 256;  // hosts x instances kept for ResolveNext

std::string_view HostOf(std::string_view scope) { return scope.substr(0, scope.find('/')); }

// The relay's host name's first label: "mailb" of "mailB.example[192.0.2.8]:25".
std::string_view RelayHost(std::string_view relay) {
  relay = relay.substr(0, relay.find('['));
  return relay.substr(0, relay.find('.'));
}

bool SameNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if ((a[i] | 0x20) != (b[i] | 0x20)) return false;
  }
  return true;
}

}  // namespace

std::string QueueKey(std::string_view queue_id, std::string_view host, std::string_view program) {
  std::string key(queue_id);
  key += kScopeMark;
  key.append(host);
  key += '/';
  key.append(program.substr(0, program.find('/')));
  return key;
}

std::string_view BareQueueId(std::string_view key) { return key.substr(0, key.find(kScopeMark)); }

void PostfixLog::KeyLine(LogLine* l) {
  line_key_.assign(l->queue_id);
  line_key_ += kScopeMark;
  const size_t scope = line_key_.size();
  // One host's log under two spellings (a copy from a central syslog
  // server) is one queue: its lines are read again (host_alias.h).
  line_key_.append(host_aliases_.Canonical(l->host));
  line_key_ += '/';
  line_key_.append(l->program.substr(0, l->program.find('/')));
  l->queue_id = line_key_;
  std::string_view s = std::string_view(line_key_).substr(scope);
  if (scopes_.size() < kMaxScopes && std::find(scopes_.begin(), scopes_.end(), s) == scopes_.end()) {
    scopes_.emplace_back(s);
  }
}

bool PostfixLog::RelayNamesHost(std::string_view relay) const {
  std::string_view host = RelayHost(relay);
  if (host.empty() || relay.find('[') == std::string_view::npos) return false;
  return std::any_of(scopes_.begin(), scopes_.end(),
                     [&](const std::string& s) { return SameNoCase(HostOf(s), host); });
}

bool PostfixLog::SameHostAsRelay(std::string_view from_key, std::string_view relay,
                                 std::string_view next_key) const {
  auto host = [](std::string_view key) {
    size_t mark = key.find(kScopeMark);
    return mark == std::string_view::npos ? std::string_view() : HostOf(key.substr(mark + 1));
  };
  // On this host: loopback, a pipe(8) transport, none, nothing logged.
  const bool here = relay.empty() || relay == "none" || LoopbackRelay(relay) ||
                    relay.find('[') == std::string_view::npos;
  if (here) return SameNoCase(host(from_key), host(next_key));
  if (RelayNamesHost(relay)) return SameNoCase(host(next_key), RelayHost(relay));
  return true;  // a relay named for no host of this log: Message-ID and recipient decide
}

std::string PostfixLog::ResolveNext(const LogLine& l, std::string_view next,
                                    std::string_view relay, bool local_relay) const {
  std::string_view own = l.queue_id.substr(l.queue_id.find(kScopeMark) + 1);
  auto kept = [&](std::string_view scope) {
    std::string k(next);
    k += kScopeMark;
    k.append(scope);
    return queues_.contains(k) ? k : std::string();
  };
  // A relay named for a host of this log (a central syslog's hostname
  // field) took the message there: X is that host's, and one not (yet)
  // kept there is held for X's first line (JoinPending), never joined to,
  // or taken as a delivery for want of, another host's equal queue id
  // (issue-16 tester round 35, defect 2).
  if (!local_relay && RelayNamesHost(relay) && !SameNoCase(RelayHost(relay), HostOf(own))) {
    for (const std::string& scope : scopes_) {
      if (!SameNoCase(HostOf(scope), RelayHost(relay))) continue;
      if (std::string k = kept(scope); !k.empty()) return k;
    }
    return {};
  }
  if (std::string k = kept(own); !k.empty()) return k;
  for (const std::string& scope : scopes_) {
    if (scope == own || HostOf(scope) != HostOf(own)) continue;
    if (std::string k = kept(scope); !k.empty()) return k;
  }
  if (local_relay || RelayNamesHost(relay)) return {};
  // Another host of a central log, when the relay names none of its hosts:
  // the only host keeping such a queue id (a wrong join is undone by its
  // Message-ID, or by X delivering another recipient).
  std::string only;
  int found = 0;
  for (const std::string& scope : scopes_) {
    if (HostOf(scope) == HostOf(own)) continue;
    std::string k = kept(scope);
    if (k.empty()) continue;
    ++found;
    only = std::move(k);
  }
  return found == 1 ? only : std::string();
}

}  // namespace nearmiss::maillog
