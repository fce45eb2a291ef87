// `nearmiss audit --events STORE`: the accountable record of the store's
// administration: who released, deleted, acknowledged and revoked what, and
// when (Store::AdminEvents), then the acknowledgements with their state.
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <system_error>

#include <nlohmann/json.hpp>

#include "base/log.h"
#include "base/text_format.h"
#include "cli/commands.h"
#include "nearmiss/store.h"

namespace nearmiss::cli {
namespace {

std::string UtcTime(int64_t unix_seconds) { return FormatUtc(unix_seconds, "%Y-%m-%d %H:%M:%S"); }

// Under the policy's acknowledgement_days `days`, as the engine applies it
// (Acknowledgement::ExpiresUnder).
std::string AckState(const Acknowledgement& a, int64_t now, int days) {
  if (a.revoked_at != 0) return "revoked by " + a.revoked_by + " " + UtcTime(a.revoked_at);
  const int64_t ends = a.ExpiresUnder(days);
  std::string cut;
  if (ends != a.expires_at) {
    cut = " (acknowledgement_days = " + std::to_string(days) + "; made to last until " +
          UtcTime(a.expires_at) + ")";
  }
  if (!a.LiveUnder(now, days)) return "expired " + UtcTime(ends) + cut;
  return "live until " + UtcTime(ends) + cut;
}

// The warning it settles (acknowledgement.h): "for address-typo (did you
// mean john.smith@partner.example?)", or what one kept from before schema 5
// can settle.
std::string AckWarning(const Acknowledgement& a) {
  if (!a.warning_recorded) {
    return a.reasons.empty() ? std::string("made before warnings were recorded: settles none")
                             : "made before warnings were recorded: for " + a.reasons +
                                   " (not address-typo)";
  }
  std::string out = "for " + (a.reasons.empty() ? std::string("its rule") : a.reasons);
  if (!a.suggestion.empty()) out.append(" (did you mean ").append(a.suggestion).append("?)");
  return out;
}

// A stored field as one line of the listing.
std::string Shown(std::string_view field) { return log::Untrusted(field, 2000); }

int Error(const std::string& message) {
  log::Error(message);
  return kExitError;
}

// The store to list: the one given, else the default; either must exist.
// A record of who did what is read, never made: a mistyped path must not
// answer "0 events" from a store created on the spot.
Result<std::string> ExistingStore(const std::string& given) {
  StoreChoice choice = ChooseStore(given, /*create=*/false);
  if (choice.url.empty()) {
    return Status::NotFound("no store to read events from: " + choice.origin +
                            "; give --events STORE");
  }
  if (IsPostgresStoreUrl(choice.url)) return choice.url;
  std::string_view path = choice.url;
  if (path.starts_with("sqlite://")) {
    path.remove_prefix(9);
  } else if (path.starts_with("sqlite:")) {
    path.remove_prefix(7);
  }
  std::error_code ec;
  if (path.empty() || !std::filesystem::is_regular_file(std::string(path), ec)) {
    return Status::NotFound(std::string(path.empty() ? choice.url : path) +
                            ": no such store (audit --events reads an existing store only)");
  }
  return choice.url;
}

}  // namespace

int RunAuditEvents(const std::string& store_url, bool json, int acknowledgement_days) {
  Result<std::string> url = ExistingStore(store_url);
  if (!url.ok()) return Error(url.error().message());
  // An existing file nearmiss never made (empty, or another program's
  // database) is refused as it is, not initialised (issue 14, round 33,
  // item 7).
  Result<std::unique_ptr<Store>> store = Store::OpenExisting(*url);
  if (!store.ok()) return Error(store.error().message());
  Result<std::vector<AdminEvent>> events = (*store)->AdminEvents(0);
  if (!events.ok()) return Error(events.error().message());
  const int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  Result<std::vector<Acknowledgement>> acks = (*store)->Acknowledgements(true, now);
  if (!acks.ok()) return Error(acks.error().message());
  if (json) {
    // One object per line: events, then acknowledgements, each tagged.
    for (const AdminEvent& e : *events) {
      nlohmann::ordered_json j = {{"type", "event"},  {"id", e.id},         {"time_ms", e.time_ms},
                                  {"who", e.who},     {"role", e.role},     {"action", e.action},
                                  {"object", e.object}, {"detail", e.detail}};
      std::puts(j.dump().c_str());
    }
    for (const Acknowledgement& a : *acks) {
      nlohmann::ordered_json j = {{"type", "acknowledgement"}, {"id", a.id},
                                  {"sender", a.sender},        {"recipient", a.recipient},
                                  {"domain", a.domain},        {"who", a.who},
                                  {"why", a.why},              {"path", a.path},
                                  {"created_at", a.created_at},
                                  {"expires_at", a.ExpiresUnder(acknowledgement_days)},
                                  {"stored_expires_at", a.expires_at},
                                  {"revoked_at", a.revoked_at}, {"revoked_by", a.revoked_by},
                                  {"live", a.LiveUnder(now, acknowledgement_days)},
                                  {"reasons", a.reasons},
                                  {"suggestion", a.suggestion},
                                  {"warning_recorded", a.warning_recorded},
                                  {"typo_kind", a.typo_kind}};
      std::puts(j.dump().c_str());
    }
    return 0;
  }
  // Senders write justifications, claimed addresses and queue ids: each
  // field is printed on its one line, control bytes as '?' (log::Untrusted),
  // so no field can forge another event's line.
  std::printf("%zu administrative events (newest first)\n", events->size());
  for (const AdminEvent& e : *events) {
    std::printf("  %s UTC  %-11s %-16s by %s (%s)%s%s\n", UtcTime(e.time_ms / 1000).c_str(),
                Shown(e.action).c_str(), Shown(e.object).c_str(), Shown(e.who).c_str(),
                Shown(e.role).c_str(), e.detail.empty() ? "" : ": ", Shown(e.detail).c_str());
  }
  std::printf("%zu acknowledgements\n", acks->size());
  for (const Acknowledgement& a : *acks) {
    std::printf("  ack:%lld  %s -> %s  by %s via %s %s UTC%s%s; %s; %s\n",
                static_cast<long long>(a.id), Shown(a.sender).c_str(),
                Shown(a.recipient.empty() ? "*@" + a.domain : a.recipient).c_str(),
                Shown(a.who).c_str(), Shown(a.path).c_str(), UtcTime(a.created_at).c_str(),
                a.why.empty() ? "" : ": ", Shown(a.why).c_str(), Shown(AckState(a, now, acknowledgement_days)).c_str(),
                Shown(AckWarning(a)).c_str());
  }
  return 0;
}

}  // namespace nearmiss::cli
