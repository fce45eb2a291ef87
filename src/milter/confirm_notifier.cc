#include "milter/confirm_notifier.h"


#include "base/ascii.h"
#include "base/log.h"
#include "base/unix_time.h"

namespace nearmiss::milter {
namespace {

// Whether `path` is no longer the file `seen` was (rotated or rewritten).
bool KeyFileChanged(const std::string& path, const struct stat& seen) {
  struct stat now {};
  if (::stat(path.c_str(), &now) != 0) return true;
  return now.st_ino != seen.st_ino || now.st_dev != seen.st_dev || now.st_size != seen.st_size ||
         now.st_mtim.tv_sec != seen.st_mtim.tv_sec || now.st_mtim.tv_nsec != seen.st_mtim.tv_nsec;
}

// The link's query value: the token is hex and '.', nothing to escape.
std::string LinkUrl(const std::string& base, const std::string& token) {
  return base + "/confirm?t=" + token;
}

}  // namespace

Result<std::shared_ptr<ConfirmNotifier>> ConfirmNotifier::Create(
    const ConfirmPolicy& policy, PolicySource source, OrganisationCheck in_organisation) {
  std::optional<confirm::LinkSigner> signer;
  struct stat key_stat {};
  if (!policy.key_file.empty()) {
    ::stat(policy.key_file.c_str(), &key_stat);  // before the read: a change after is seen
    NM_ASSIGN_OR_RETURN(signer, confirm::LinkSigner::FromKeyFile(policy.key_file));
  } else {
    // Said once at start, not only per held message: the sender's client
    // was told "accepted", and nothing else tells anyone the mail waits.
    log::Warn("[confirm] has no key_file: a message a rule holds for its sender to confirm "
              "gets no notice and waits in Postfix's hold queue for an administrator "
              "(docs/policy.md, [confirm])");
  }
  return std::shared_ptr<ConfirmNotifier>(
      new ConfirmNotifier(policy, std::move(signer), key_stat, std::move(source),
                          std::move(in_organisation)));
}

ConfirmNotifier::ConfirmNotifier(ConfirmPolicy policy, std::optional<confirm::LinkSigner> signer,
                                 struct stat key_stat, PolicySource source,
                                 OrganisationCheck in_organisation)
    : source_(std::move(source)),
      in_organisation_(std::move(in_organisation)),
      policy_(std::move(policy)),
      signer_(std::move(signer)),
      key_stat_(key_stat) {
  worker_ = std::thread([this] { Work(); });
}

void ConfirmNotifier::Refresh() {
  if (!source_) return;
  ConfirmPolicy current = source_();
  if (current == policy_ &&
      (current.key_file.empty() || (signer_ && !KeyFileChanged(current.key_file, key_stat_)))) {
    return;
  }
  const bool was_key = policy_.key_file == current.key_file && signer_.has_value();
  policy_ = std::move(current);
  signer_.reset();
  key_stat_ = {};
  if (policy_.key_file.empty()) return;
  ::stat(policy_.key_file.c_str(), &key_stat_);
  Result<confirm::LinkSigner> signer = confirm::LinkSigner::FromKeyFile(policy_.key_file);
  if (!signer.ok()) {
    log::Error("[confirm] key_file after a reload: " + signer.error().message() +
               "; no notices until it can be read (held messages wait for an admin)");
    return;
  }
  signer_ = std::move(*signer);
  log::Info(std::string("[confirm] ") + (was_key ? "key file changed" : "settings changed") +
            ": notices now signed with " + policy_.key_file);
}

ConfirmNotifier::~ConfirmNotifier() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  worker_.join();
}

bool ConfirmNotifier::InOrganisation(std::string_view sender) const {
  const size_t at = sender.rfind('@');
  if (!in_organisation_ || at == std::string_view::npos) return false;
  return in_organisation_(sender.substr(at + 1));
}

void ConfirmNotifier::Notify(ConfirmRequest request) {
  {
    std::lock_guard lock(mu_);
    queue_.push_back(std::move(request));
  }
  cv_.notify_one();
}

std::string ConfirmNotifier::Compose(const ConfirmRequest& request, int64_t now) const {
  if (!signer_) return "";
  confirm::ConfirmLink link;
  link.queue_id = request.queue_id;
  link.sender = request.sender;
  link.hold_id = request.hold_id;
  link.message_id = request.message_id;
  // One nonce for both links: using either spends the pair (the notice is
  // one decision; issue-14 tester, round 42, item 3).
  link.nonce = confirm::RandomHex(16);
  // The link carries what a release acknowledges: only the recipients
  // whose rule may be acknowledged.
  for (const ConfirmRequest::Recipient& r : request.recipients) {
    if (r.acknowledgeable) link.recipients.push_back({r.address, r.codes, r.suggestion, r.typo_kind});
  }
  link.expires_at = now + policy_.link_hours * 3600;
  confirm::Notice n;
  n.from = policy_.notice_from;
  n.to = request.sender;
  n.queue_id = request.queue_id;
  n.subject = request.subject;
  for (const ConfirmRequest::Recipient& r : request.recipients) {
    n.recipients.push_back({r.address, r.reason, r.suggestion, r.acknowledgeable, r.also_suggestion});
  }
  link.action = "release";
  n.release_url = LinkUrl(policy_.link_base, signer_->Sign(link));
  link.action = "delete";
  n.delete_url = LinkUrl(policy_.link_base, signer_->Sign(link));
  n.expires_at = link.expires_at;
  n.acknowledgement_days = policy_.acknowledgement_days;
  n.date = now;
  return confirm::ComposeNotice(n);
}

void ConfirmNotifier::Work() {
  for (;;) {
    ConfirmRequest request;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;
      request = std::move(queue_.front());
      queue_.pop_front();
    }
    Refresh();
    const std::string id = log::Untrusted(request.queue_id);
    if (!signer_) {
      log::Warn("held " + (id.empty() ? std::string("a message") : id) +
                " for the sender to confirm, but no [confirm] key_file can be read: no notice "
                "was sent; an admin must release or delete it");
      continue;
    }
    if (request.queue_id.empty() || request.sender.empty()) {
      // No queue id: no link could name the message; no sender: nobody to
      // tell. The hold stands for an admin.
      log::Warn("held " + (id.empty() ? std::string("a message") : id) +
                " for confirmation, but it has no " +
                (request.queue_id.empty() ? "queue id" : "sender") +
                " to send a notice about; an admin must release or delete it");
      continue;
    }
    if (EqualsNoCase(request.sender, policy_.notice_from)) {
      // A held notice: answering it with another notice could loop.
      log::Warn("held " + id + ", a message from the notice address " +
                log::Untrusted(policy_.notice_from) + ": no notice about a notice; an admin "
                "must release or delete it");
      continue;
    }
    if (!InOrganisation(request.sender)) {
      // The notice tells who the organisation writes to and carries a link
      // that acknowledges in the sender's name: never outside it.
      log::Warn("held " + id + " for confirmation; the sender " +
                log::Untrusted(request.sender) +
                " is not in [domains] organisation, so no notice was sent (docs/policy.md, "
                "[confirm]); an admin must release or delete it");
      continue;
    }
    Status s = confirm::SubmitNotice({policy_.sendmail, policy_.postfix_config},
                                     policy_.notice_from, request.sender,
                                     Compose(request, UnixSeconds()));
    if (s.ok()) {
      log::Info("confirm notice for " + id + " sent to " + log::Untrusted(request.sender));
    } else {
      log::Warn("confirm notice for " + id + " not sent (" + s.message() +
                "); the message stays held for an admin");
    }
  }
}

}  // namespace nearmiss::milter
