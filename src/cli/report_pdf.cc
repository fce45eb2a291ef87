#include "cli/report_pdf.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

extern char** environ;

namespace nearmiss::cli {

Status WriteReportFile(const std::string& path, std::string_view bytes, std::string_view what) {
  auto fail = [&](int err) {
    std::string why = std::strerror(err);
    if (err == ENOENT) {
      // Said of the directory only when it is missing: /proc exists, and a
      // file cannot be made in it (round 49's tester 16, finding 9).
      std::filesystem::path parent = std::filesystem::path(path).parent_path();
      std::error_code ec;
      if (!parent.empty() && !std::filesystem::exists(parent, ec)) {
        why += " (the directory " + parent.string() + " does not exist)";
      } else if (!parent.empty()) {
        why += " (the directory " + parent.string() + " exists, but no file can be made in it)";
      }
    }
    return Status::IoError(path + ": cannot write the " + std::string(what) + ": " + why);
  };
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) return fail(errno);
  for (size_t done = 0; done < bytes.size();) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int err = errno;
      ::close(fd);
      return fail(err);
    }
    done += static_cast<size_t>(n);
  }
  if (::close(fd) != 0) return fail(errno);
  return Status::Ok();
}

namespace {

// Why the file at `path` is not a whole PDF, "" when it is: a PDF starts
// with its header "%PDF-" and ends with "%%EOF", then at most an end of
// line (ISO 32000-1 7.5.2 and 7.5.5); any whitespace after it is allowed
// here. A Chromium that crashed mid-write, or a wrapper script that
// printed something else, exits 0 all the same (issue-16 tester round 56,
// finding 4).
std::string NotPdf(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char head[5] = {};
  if (!in.read(head, sizeof head) || std::string_view(head, sizeof head) != "%PDF-") {
    return "the file it wrote does not start with %PDF-";
  }
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  const std::streamoff tail_size = std::min<std::streamoff>(size, 1024);
  std::string tail(static_cast<size_t>(tail_size), '\0');
  in.seekg(size - tail_size);
  if (!in.read(tail.data(), tail_size)) return "the file it wrote cannot be read back";
  while (!tail.empty() && (tail.back() == ' ' || tail.back() == '\t' || tail.back() == '\r' ||
                           tail.back() == '\n' || tail.back() == '\f' || tail.back() == '\0')) {
    tail.pop_back();
  }
  if (!tail.ends_with("%%EOF")) return "the file it wrote does not end with %%EOF (cut short)";
  return {};
}

}  // namespace

Status PrintReportPdf(const std::string& html, const std::string& pdf_path,
                      const std::string& chromium) {
  // Said before Chromium runs, with the reason: Chromium itself only
  // leaves no file.
  NM_RETURN_IF_ERROR(WriteReportFile(pdf_path, {}, "PDF"));
  char dir_template[] = "/tmp/nearmiss-pdf.XXXXXX";
  if (::mkdtemp(dir_template) == nullptr) {
    return Status::IoError(std::string("cannot make a temporary directory: ") +
                           std::strerror(errno));
  }
  std::string dir = dir_template;
  std::string page = dir + "/report.html";
  {
    std::ofstream out(page, std::ios::binary | std::ios::trunc);
    out << html;
    if (!out.good()) return Status::IoError(page + ": cannot write");
  }
  std::vector<std::string> args = {chromium,
                                   "--headless",
                                   "--disable-gpu",
                                   "--no-sandbox",
                                   "--no-first-run",
                                   "--disable-extensions",
                                   "--disable-background-networking",
                                   "--user-data-dir=" + dir + "/profile",
                                   "--no-pdf-header-footer",
                                   "--print-to-pdf=" + pdf_path,
                                   "file://" + page};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  ::unlink(pdf_path.c_str());
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  // Chromium's own chatter is not the user's business; its exit status is.
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  int rc = ::posix_spawnp(&pid, chromium.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  Status result = Status::Ok();
  if (rc != 0) {
    result = Status::IoError("cannot start " + chromium + " to print the PDF: " +
                             std::strerror(rc));
  } else {
    int wstatus = 0;
    while (::waitpid(pid, &wstatus, 0) < 0 && errno == EINTR) {
    }
    struct stat st;
    if (!WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0) {
      result = Status::IoError(chromium + " failed printing " + pdf_path + " (exit status " +
                               std::to_string(WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1) +
                               ")");
    } else if (::stat(pdf_path.c_str(), &st) != 0 || st.st_size == 0) {
      result = Status::IoError(chromium + " wrote no PDF to " + pdf_path);
    } else if (std::string why = NotPdf(pdf_path); !why.empty()) {
      result = Status::IoError(chromium + " wrote no PDF to " + pdf_path + ": " + why);
    }
  }
  // What a failed print left (a file cut short, a wrapper's junk) is no
  // report: removed, as the one it replaced was before the run.
  if (!result.ok()) ::unlink(pdf_path.c_str());
  std::error_code ignored;  // a leftover temporary directory is no reason to fail
  std::filesystem::remove_all(dir, ignored);
  return result;
}

}  // namespace nearmiss::cli
