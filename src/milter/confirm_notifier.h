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

  // Reads [confirm] key_file; an error names it. With key_file "" there is
  // no signer and no notice (each hold is logged for an admin) until a
  // reload brings a key. `source`: the current [confirm] after reloads;
  // empty, `policy` for good.
  static Result<std::shared_ptr<ConfirmNotifier>> Create(const ConfirmPolicy& policy,
                                                         PolicySource source = {});
  ~ConfirmNotifier() override;

  void Notify(ConfirmRequest request) override;

  // Signs the two links and composes the notice for `request` at `now`
  // (unix seconds): what the worker submits; "" with no key. For tests.
  std::string Compose(const ConfirmRequest& request, int64_t now) const;

 private:
  ConfirmNotifier(ConfirmPolicy policy, std::optional<confirm::LinkSigner> signer,
                  struct stat key_stat, PolicySource source);
  void Work();
  // Worker only: follows source_ (above).
  void Refresh();

  PolicySource source_;
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
