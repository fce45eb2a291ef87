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
// Thread safety: Notify may be called from any thread.
#ifndef NEARMISS_MILTER_CONFIRM_NOTIFIER_H_
#define NEARMISS_MILTER_CONFIRM_NOTIFIER_H_

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

#include "confirm/link.h"
#include "confirm/notice.h"
#include "milter/transaction.h"
#include "nearmiss/policy.h"

namespace nearmiss::milter {

class ConfirmNotifier final : public ConfirmSink {
 public:
  // Reads [confirm] key_file; an error names it.
  static Result<std::shared_ptr<ConfirmNotifier>> Create(const ConfirmPolicy& policy);
  ~ConfirmNotifier() override;

  void Notify(ConfirmRequest request) override;

  // Signs the two links and composes the notice for `request` at `now`
  // (unix seconds): what the worker submits. For tests.
  std::string Compose(const ConfirmRequest& request, int64_t now) const;

 private:
  ConfirmNotifier(ConfirmPolicy policy, confirm::LinkSigner signer);
  void Work();

  ConfirmPolicy policy_;
  confirm::LinkSigner signer_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<ConfirmRequest> queue_;
  bool stopping_ = false;
  std::thread worker_;
};

}  // namespace nearmiss::milter

#endif  // NEARMISS_MILTER_CONFIRM_NOTIFIER_H_
