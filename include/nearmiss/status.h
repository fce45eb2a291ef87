// Status and Result<T>: how every nearmiss function reports failure.
//
// A Status is a code plus a message that says what went wrong and where
// ("policy.toml:12:3: unknown action 'rejcet'"). The OK path carries no
// allocation. Result<T> holds either a T or a non-OK Status; its API is a
// subset of C++23 std::expected so moving to it later is a rename.
//
// Thread safety: values; distinct objects may be used from distinct threads.
#ifndef NEARMISS_STATUS_H_
#define NEARMISS_STATUS_H_

#include <cassert>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace nearmiss {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // bad input from a user: an address, a policy value
  kNotFound,         // a named file or entry does not exist
  kIoError,          // the OS refused a read or write
  kParseError,       // a file's syntax is wrong (message names file:line)
  kResourceExhausted,  // a configured bound was hit
  kInternal,         // an invariant broke: a bug
};

std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message);

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) {
    return Status(StatusCode::kInvalidArgument, std::move(m));
  }
  static Status NotFound(std::string m) {
    return Status(StatusCode::kNotFound, std::move(m));
  }
  static Status IoError(std::string m) {
    return Status(StatusCode::kIoError, std::move(m));
  }
  static Status ParseError(std::string m) {
    return Status(StatusCode::kParseError, std::move(m));
  }
  static Status ResourceExhausted(std::string m) {
    return Status(StatusCode::kResourceExhausted, std::move(m));
  }
  static Status Internal(std::string m) {
    return Status(StatusCode::kInternal, std::move(m));
  }

  bool ok() const { return rep_ == nullptr; }
  StatusCode code() const { return rep_ ? rep_->code : StatusCode::kOk; }
  const std::string& message() const;
  // "invalid-argument: message", or "ok".
  std::string ToString() const;

  // Returns a copy whose message is "prefix: message" (e.g. a file name).
  Status WithContext(std::string_view prefix) const;

 private:
  struct Rep {
    StatusCode code;
    std::string message;
  };
  std::shared_ptr<const Rep> rep_;  // null when OK; shared so copies are cheap
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit like expected
  Result(Status status) : v_(std::move(status)) {  // NOLINT
    assert(!std::get<Status>(v_).ok() && "Result needs a value or an error");
  }

  bool has_value() const { return v_.index() == 0; }
  bool ok() const { return has_value(); }
  explicit operator bool() const { return has_value(); }

  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  // The error; an OK Status when a value is held.
  Status status() const { return has_value() ? Status() : std::get<Status>(v_); }
  const Status& error() const { return std::get<Status>(v_); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace nearmiss

#define NM_CONCAT_INNER_(a, b) a##b
#define NM_CONCAT_(a, b) NM_CONCAT_INNER_(a, b)

#define NM_RETURN_IF_ERROR(expr)            \
  do {                                      \
    ::nearmiss::Status nm_status_ = (expr); \
    if (!nm_status_.ok()) return nm_status_; \
  } while (0)

#define NM_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                              \
  if (!tmp.has_value()) return tmp.error();       \
  lhs = std::move(tmp).value()

#define NM_ASSIGN_OR_RETURN(lhs, expr) \
  NM_ASSIGN_OR_RETURN_IMPL_(NM_CONCAT_(nm_result_, __LINE__), lhs, expr)

#endif  // NEARMISS_STATUS_H_
