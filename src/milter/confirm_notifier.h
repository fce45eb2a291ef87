// ConfirmNotifier: sends the sender of a message held by `confirm` the
// notice with its signed release and delete links (confirm/link.h,
// confirm/notice.h), through the local Postfix's sendmail(1).
//
// Notify only queues: one worker thread signs, composes and submits, so the
// milter's I/O thread never waits on sendmail. A notice that cannot be sent
// is logged with the queue id; the message stays held for an admin (fail
// closed: nothing is delivered for want of a notice). The destructor sends
// what is queued, then joins.
//
// Reloads: given a PolicySource, the worker asks it for the current
// [confirm] before each notice and, when it changed or its key file did
// (another inode, size or modification time: a rotated key), reads the key
// again, on the worker, never on the milter's I/O thread. A key that
// cannot be read then sends no notice (logged with the queue id; the hold
// stands for an admin) until it can.
//
// Who gets a notice: only a sender whose domain is the organisation's
// ([domains] organisation, InOrganisation in nearmiss/policy.h). The notice
// names the frequent correspondent the held recipient resembles and how
// often the organisation writes to it, and its release link records an
// acknowledgement in the sender's name: an envelope sender outside the
// organisation (a forwarder, a list, a device on mynetworks, anyone who
// can relay) gets neither. Such a hold, and every hold while the list is
// empty (the default), is logged and waits for an admin, as for a null
// sender. Issue-14 tester, round 3, item 4.
//
// Thread safety: Notify may be called from any thread.
#ifndef NEARMISS_MILTER_CONFIRM_NOTIFIER_H_
#define NEARMISS_MILTER_CONFIRM_NOTIFIER_H_

#include <sys/stat.h>

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "confirm/link.h"
#include "confirm/notice.h"
#include "milter/transaction.h"
#include "nearmiss/policy.h"

namespace nearmiss::milter {

class ConfirmNotifier final : public ConfirmSink {
 public:
  using PolicySource = std::function<ConfirmPolicy()>;
  // Whether a sender's domain (as the envelope gives it: A- or U-label,
  // any case) is the organisation's, under the current policy.
  using OrganisationCheck = std::function<bool(std::string_view domain)>;

  // Reads [confirm] key_file; an error names it. With key_file "" there is
  // no signer and no notice (each hold is logged for an admin) until a
  // reload brings a key. `source`: the current [confirm] after reloads;
  // empty, `policy` for good. `in_organisation`: who may get a notice
  // (file comment); empty, nobody.
  static Result<std::shared_ptr<ConfirmNotifier>> Create(const ConfirmPolicy& policy,
                                                         PolicySource source = {},
                                                         OrganisationCheck in_organisation = {});
  ~ConfirmNotifier() override;

  void Notify(ConfirmRequest request) override;

  // Signs the two links and composes the notice for `request` at `now`
  // (unix seconds): what the worker submits; "" with no key. For tests.
  std::string Compose(const ConfirmRequest& request, int64_t now) const;

 private:
  ConfirmNotifier(ConfirmPolicy policy, std::optional<confirm::LinkSigner> signer,
                  struct stat key_stat, PolicySource source, OrganisationCheck in_organisation);
  // Whether `sender` ("local@domain") is the organisation's.
  bool InOrganisation(std::string_view sender) const;
  void Work();
  // Worker only: follows source_ (above).
  void Refresh();

  PolicySource source_;
  OrganisationCheck in_organisation_;
  ConfirmPolicy policy_;          // worker only after construction
  std::optional<confirm::LinkSigner> signer_;
  struct stat key_stat_ {};       // of policy_.key_file when signer_ was read
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<ConfirmRequest> queue_;
  bool stopping_ = false;
  std::thread worker_;
};

}  // namespace nearmiss::milter

#endif  // NEARMISS_MILTER_CONFIRM_NOTIFIER_H_
