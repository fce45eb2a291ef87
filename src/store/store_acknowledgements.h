// The engine's AcknowledgementSource over a Store: each check of a flagged
// recipient reads the sender's live acknowledgements, so one made on any
// node (a release link, a client's Send anyway) applies to the next message
// everywhere, without waiting for a history refresh.
//
// Ownership: does not own the Store, which must outlive it. Thread safety:
// the Store serialises its calls.
#ifndef NEARMISS_STORE_STORE_ACKNOWLEDGEMENTS_H_
#define NEARMISS_STORE_STORE_ACKNOWLEDGEMENTS_H_

#include "nearmiss/acknowledgement.h"
#include "nearmiss/store.h"

namespace nearmiss::store {

class StoreAcknowledgements final : public AcknowledgementSource {
 public:
  explicit StoreAcknowledgements(Store* store) : store_(store) {}
  Result<std::vector<Acknowledgement>> Live(std::string_view sender,
                                            int64_t now) const override {
    return store_->LiveAcknowledgements(sender, now);
  }

 private:
  Store* store_;
};

}  // namespace nearmiss::store

#endif  // NEARMISS_STORE_STORE_ACKNOWLEDGEMENTS_H_
