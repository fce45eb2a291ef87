// Feeds arbitrary bytes as one HTTP request to `nearmiss serve`'s request
// handler, in process and without sockets: cpp-httplib's own request reader
// (request line, headers, chunked or sized body) then the gate (CORS, rate
// limit), the bearer-token check and every route: POST /v1/check's JSON
// body, the admin endpoints (audit search, held queue, reload, policy),
// acknowledgements, confirm links, metrics. The seeds carry the tokens the
// policy below grants, so the mutations reach the handlers past the 401.
// Besides "no crash, no UB", it checks that an answer, when there is one,
// starts with a valid status line.
//
// POST /v1/reload recompiles the fixture's policy file each time: the
// marking database then comes from a private cache (fuzz_support.h), so a
// reload costs a load, not an hs_compile_multi (seconds under ASan).
#include <httplib.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>

#include "fuzz_support.h"
#include "http/server.h"
#include "http/server_impl.h"
#include "nearmiss/engine_holder.h"
#include "nearmiss/store.h"

namespace {

using namespace nearmiss;
using nearmiss::fuzz::Check;

// httplib::Server::process_request is protected: naming it through a
// derived class yields a pointer to the base's member, callable on the
// server ApiServer built (no cast of the object itself).
struct ProcessRequestAccess : httplib::Server {
  static constexpr auto kProcess = &ProcessRequestAccess::process_request;
};

// One request's bytes in, the response's bytes out.
class MemoryStream final : public httplib::Stream {
 public:
  explicit MemoryStream(std::string_view in) : in_(in) {}
  bool is_readable() const override { return true; }
  bool is_writable() const override { return true; }
  ssize_t read(char* ptr, size_t size) override {
    const size_t n = std::min(size, in_.size());
    std::copy_n(in_.data(), n, ptr);
    in_.remove_prefix(n);
    return static_cast<ssize_t>(n);
  }
  ssize_t write(const char* ptr, size_t size) override {
    out.append(ptr, size);
    return static_cast<ssize_t>(size);
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    ip = "127.0.0.1";
    port = 40000;
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    ip = "127.0.0.1";
    port = 8025;
  }
  socket_t socket() const override { return INVALID_SOCKET; }
  std::string out;

 private:
  std::string_view in_;
};

struct Fixture {
  std::unique_ptr<Store> store;
  std::unique_ptr<http::ApiServer> server;
};

Fixture* Start() {
  // Before the first compile, so it and every reload use the cache.
  nearmiss::fuzz::PrivateCacheDir();
  const std::string dir = (std::filesystem::temp_directory_path() /
                           ("nearmiss-http-fuzz-" + std::to_string(getpid())))
                              .string();
  std::filesystem::create_directories(dir);
  const std::string policy = dir + "/policy.toml";
  std::ofstream(policy) << "[api]\n"
                           "check_tokens = [\"check-token-0123456789\"]\n"
                           "admin_tokens = [\"admin-token-0123456789\"]\n"
                           "cors_origins = [\"https://addin.example\"]\n";
  auto holder = EngineHolder::Open(policy);
  if (!holder.ok()) __builtin_trap();
  auto* f = new Fixture;
  // A real SQLite store, so acknowledgements, events and confirm links
  // reach their handlers instead of the 503 a store-less server answers.
  auto store = Store::Open("sqlite:" + dir + "/store.db");
  if (!store.ok()) __builtin_trap();
  f->store = std::move(*store);
  http::ApiOptions o;
  o.port = 0;
  o.policy_path = policy;
  o.rate_per_second = 0;  // every input is from the same address
  o.postfix.command_dir =
      "/nonexistent";  // the held queue answers "cannot run"
  o.generate_admin_token = false;
  auto server = http::ApiServer::Create(
      o, std::shared_ptr<EngineHolder>(std::move(*holder)), nullptr, {},
      nullptr, f->store.get());
  if (!server.ok()) __builtin_trap();
  f->server = std::move(*server);
  return f;
}

}  // namespace

// The server (a policy compile, the store's migration) is made before the
// first input, so its start-up is not counted against the first input's
// timeout.
static Fixture* fixture = nullptr;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fixture = Start();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto* impl = static_cast<http::ApiServerImpl*>(fixture->server.get());
  MemoryStream stream(
      std::string_view(reinterpret_cast<const char*>(data), size));
  bool closed = false;
  (void)(impl->server_.get()->*ProcessRequestAccess::kProcess)(
      stream, true, closed, [](httplib::Request&) {});
  // httplib answers every request it could read the line of; an empty or
  // unreadable one gets nothing (the connection just closes).
  if (!stream.out.empty()) {
    Check(stream.out.rfind("HTTP/1.1 ", 0) == 0);
    const int status = std::atoi(stream.out.c_str() + 9);
    Check(status >= 100 && status < 600);
  }
  return 0;
}
