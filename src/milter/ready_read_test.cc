// AsyncReadWhenReady over a socketpair: every byte arrives in order, a read
// that fills its room goes on reading what is already queued, end of file
// and close complete the pending read, and paced packets cost no recv that
// finds nothing. recv is interposed (this program's own definition wins
// over libc's) to count those.
#include "milter/ready_read.h"

#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <memory>
#include <string>
#include <thread>

namespace {
std::atomic<int> empty_reads{0};  // recv calls that returned EAGAIN
}  // namespace

extern "C" ssize_t recv(int fd, void* buf, size_t n, int flags) {
  ssize_t r = ::syscall(SYS_recvfrom, fd, buf, n, flags, nullptr, nullptr);
  if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) ++empty_reads;
  return r;
}

namespace nearmiss::milter {
namespace {

using Socket = asio::generic::stream_protocol::socket;

// Reads into `got` until end of file or an error (kept in `end`), `room`
// bytes at a time.
struct Reader : std::enable_shared_from_this<Reader> {
  Reader(asio::io_context& io, int fd, size_t room)
      : socket(io, asio::generic::stream_protocol(AF_UNIX, SOCK_STREAM), fd), buf(room) {
    socket.non_blocking(true);
  }
  void Read() {
    AsyncReadWhenReady(socket, asio::buffer(buf),
                       [self = shared_from_this()](asio::error_code ec, size_t n) {
                         if (ec) {
                           self->end = ec;
                           return;
                         }
                         self->got.append(self->buf.data(), n);
                         self->Read();
                       });
  }
  Socket socket;
  std::vector<char> buf;
  std::string got;
  asio::error_code end;
};

class ReadyReadTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(::socketpair(AF_UNIX, SOCK_STREAM, 0, fds_), 0); }
  void TearDown() override {
    if (fds_[1] >= 0) ::close(fds_[1]);
  }
  void Send(const std::string& bytes) {
    ASSERT_EQ(::write(fds_[1], bytes.data(), bytes.size()), static_cast<ssize_t>(bytes.size()));
  }
  void CloseWriter() {
    ::close(fds_[1]);
    fds_[1] = -1;
  }
  int fds_[2] = {-1, -1};
};

TEST_F(ReadyReadTest, PacedPacketsArriveWithoutEmptyReads) {
#ifndef NM_MILTER_READY_READ
  GTEST_SKIP() << "this asio's read: a speculative recv at every start (ready_read.h)";
#endif
  asio::io_context io;
  auto reader = std::make_shared<Reader>(io, fds_[0], 16 * 1024);
  reader->Read();
  std::thread loop([&io] { io.run_for(std::chrono::seconds(20)); });
  empty_reads = 0;
  std::string sent;
  constexpr int kPackets = 40;
  for (int i = 0; i < kPackets; ++i) {
    std::string packet = "packet " + std::to_string(i) + ";";
    Send(packet);
    sent += packet;
    // Each packet reaches the reader alone, as Postfix's milter commands do.
    std::this_thread::sleep_for(std::chrono::milliseconds(3));
  }
  CloseWriter();
  loop.join();
  EXPECT_EQ(reader->got, sent);
  EXPECT_EQ(reader->end, asio::error::eof);
  // asio's own read tries a recv at every start: one empty read per packet.
  // Here one can only follow a packet that arrived while the one before it
  // was being read (its readiness event then finds the queue empty).
  EXPECT_LE(empty_reads.load(), kPackets / 8) << "recv calls that found nothing";
}

// A read that fills its room must not wait for another readiness event:
// the rest is already queued and no new segment will raise one.
TEST_F(ReadyReadTest, ReadThatFillsItsRoomGoesOnReading) {
  asio::io_context io;
  auto reader = std::make_shared<Reader>(io, fds_[0], 1024);
  std::string sent;
  for (int i = 0; sent.size() < 100 * 1024; ++i) sent += "line " + std::to_string(i) + "\n";
  Send(sent);
  reader->Read();
  while (reader->got.size() < sent.size() && io.run_one_for(std::chrono::seconds(5)) > 0) {
  }
  ASSERT_EQ(reader->got.size(), sent.size());
  EXPECT_EQ(reader->got, sent);
  EXPECT_FALSE(reader->end) << "still waiting for more";
  CloseWriter();
  io.restart();
  io.run_for(std::chrono::seconds(5));
  EXPECT_EQ(reader->end, asio::error::eof);
}

TEST_F(ReadyReadTest, CloseCompletesThePendingReadAsAborted) {
  asio::io_context io;
  auto reader = std::make_shared<Reader>(io, fds_[0], 64);
  Send("one short packet");
  reader->Read();
  io.run_for(std::chrono::milliseconds(200));  // the read now waits for readiness
  EXPECT_EQ(reader->got, "one short packet");
  reader->socket.close();
  io.restart();
  io.run_for(std::chrono::seconds(5));
  EXPECT_EQ(reader->end, asio::error::operation_aborted);
}

TEST_F(ReadyReadTest, DestroyedLoopFreesThePendingRead) {
  std::weak_ptr<Reader> weak;
  {
    asio::io_context io;
    auto reader = std::make_shared<Reader>(io, fds_[0], 64);
    weak = reader;
    reader->Read();
    io.run_for(std::chrono::milliseconds(50));
  }
  EXPECT_TRUE(weak.expired()) << "the pending read's handler was leaked";
}

}  // namespace
}  // namespace nearmiss::milter
