// AsyncReadWhenReady: a socket read that, after a short read, waits for the
// next readiness event instead of trying the socket again first.
//
// asio 1.22's reactor tries a speculative recv whenever a read starts, and
// stops only after a read of 0 bytes (end of file): after a packet the MTA
// must answer, or one it paces (Postfix writes each milter command when
// smtpd reaches it), that recv finds nothing. Under a paced replay
// (bench/milter-instructions) 12.6 of 52.4 system calls per message were
// such EAGAIN reads. async_wait does not help: it re-arms asio's
// edge-triggered registration with an epoll_ctl on every wait.
//
// A recv that returns fewer bytes than its room emptied the socket's
// receive queue, and on Linux every segment queued after it raises a new
// edge on the descriptor's EPOLLET registration (sk_data_ready wakes epoll
// per arrival). So this read reports such a short read to the reactor as
// exhausted (reactor_op::done_and_exhausted): the next read on the socket
// is queued until epoll reports the descriptor readable, with no system
// call; a read that filled its room leaves speculation on, since more may
// be waiting. End of file, errors and close (operation_aborted) complete as
// asio::basic_stream_socket::async_read_some does.
//
// It is an asio reactor operation (asio/detail): on a build without
// epoll, or another asio than 1.22.x, it falls back to async_read_some
// (the speculative read again, never a lost byte). The socket must be in
// non-blocking mode (Connection::Start). One thread: the io_context's.
#ifndef NEARMISS_MILTER_READY_READ_H_
#define NEARMISS_MILTER_READY_READ_H_

#include <sys/socket.h>

#include <asio.hpp>
#include <cerrno>
#include <cstddef>
#include <memory>
#include <new>
#include <utility>

#if defined(ASIO_HAS_EPOLL) && ASIO_VERSION >= 102200 && ASIO_VERSION < 102300
#define NM_MILTER_READY_READ 1
#include <asio/detail/reactor.hpp>
#include <asio/detail/reactor_op.hpp>
#endif

namespace nearmiss::milter {

#ifdef NM_MILTER_READY_READ
namespace ready_read_internal {

// The socket's reactor registration: basic_socket keeps it protected, and
// a pointer to a protected member, named through a derived class, may be
// applied to the base (C++20 [class.protected]).
template <typename Socket>
struct Access : Socket {
  static auto& Impl(Socket& s) { return (s.*(&Access::impl_)).get_implementation(); }
};

template <typename Handler>
class Op : public asio::detail::reactor_op {
 public:
  // Allocation through the handler's allocator: asio's per-thread
  // recycling one (thread_info_base), as asio's own socket ops do, instead
  // of new/delete at every read.
  ASIO_DEFINE_HANDLER_PTR(Op);

  Op(int fd, asio::mutable_buffer room, Handler&& handler)
      : reactor_op(asio::error_code(), &Op::Perform, &Op::Complete),
        fd_(fd),
        room_(room),
        handler_(std::move(handler)) {}

 private:
  static status Perform(reactor_op* base) {
    auto* o = static_cast<Op*>(base);
    for (;;) {
      ssize_t n = ::recv(o->fd_, o->room_.data(), o->room_.size(), 0);
      if (n > 0) {
        o->bytes_transferred_ = static_cast<size_t>(n);
        return o->bytes_transferred_ < o->room_.size() ? done_and_exhausted : done;
      }
      if (n == 0) {
        o->ec_ = asio::error::eof;
        return done_and_exhausted;
      }
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) return not_done;
      o->ec_ = asio::error_code(errno, asio::error::get_system_category());
      return done;
    }
  }

  // owner is null when the io_context is destroyed with the read pending:
  // free it without calling the handler. The memory goes back to the
  // thread's recycling cache (ASIO_DEFINE_HANDLER_PTR) before the upcall,
  // so the read the handler starts takes the same block again.
  static void Complete(void* owner, asio::detail::operation* base, const asio::error_code&,
                       size_t) {
    auto* o = static_cast<Op*>(base);
    ptr p = {std::addressof(o->handler_), o, o};
    Handler handler(std::move(o->handler_));
    asio::error_code ec = o->ec_;
    size_t n = o->bytes_transferred_;
    p.h = std::addressof(handler);
    p.reset();
    if (owner) handler(ec, n);
  }

  int fd_;
  asio::mutable_buffer room_;
  Handler handler_;
};

}  // namespace ready_read_internal

// Reads up to room.size() bytes into room; calls handler(ec, bytes) on the
// socket's io_context, as async_read_some would.
template <typename Socket, typename Handler>
void AsyncReadWhenReady(Socket& socket, asio::mutable_buffer room, Handler handler) {
  auto& impl = ready_read_internal::Access<Socket>::Impl(socket);
  if (!socket.is_open() || !socket.non_blocking() || room.size() == 0) {
    return socket.async_read_some(room, std::move(handler));
  }
  auto& reactor = asio::use_service<asio::detail::reactor>(
      asio::query(socket.get_executor(), asio::execution::context));
  using Op = ready_read_internal::Op<Handler>;
  typename Op::ptr p = {std::addressof(handler), Op::ptr::allocate(handler), nullptr};
  p.p = new (p.v) Op(socket.native_handle(), room, std::move(handler));
  reactor.start_op(asio::detail::reactor::read_op, impl.socket_, impl.reactor_data_, p.p,
                   /*is_continuation=*/false, /*allow_speculative=*/true);
  p.v = p.p = nullptr;  // the reactor owns it now
}

#else

template <typename Socket, typename Handler>
void AsyncReadWhenReady(Socket& socket, asio::mutable_buffer room, Handler handler) {
  socket.async_read_some(room, std::move(handler));
}

#endif

}  // namespace nearmiss::milter

#endif  // NEARMISS_MILTER_READY_READ_H_
