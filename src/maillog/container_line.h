// The framings a container platform puts around a log line, so Postfix
// running in a container (maillog_file = /dev/stdout, or a syslog daemon
// writing to the container's stdout) is read from what the platform kept:
//
//   kubectl  "2025-03-03T10:00:00.123456789Z Mar  3 10:00:00 mail postfix/smtp[1]: ..."
//            `kubectl logs --timestamps` (and `docker logs --timestamps`):
//            the runtime's RFC 3339 time (nanoseconds, UTC) and a space before
//            each line the container wrote (kubectl: pkg/cmd/logs, the
//            API server's `timestamps=true`, RFC3339Nano).
//   cri      "2025-03-03T10:00:00.123456789Z stdout F Mar  3 10:00:00 mail ..."
//            the CRI log file a container runtime (containerd, CRI-O) writes
//            under /var/log/pods/ and /var/log/containers/: TIME STREAM TAG
//            CONTENT (Kubernetes CRI logging, kubelet pkg/kubelet/kuberuntime/
//            logs: STREAM "stdout" or "stderr", TAG "F" for a full line or
//            "P" for a partial one the runtime split (over 16 KiB by default):
//            the partials of one stream are joined to the next full one).
// Any line may be preceded by kubectl's `--prefix`: "[pod/NAME/CONTAINER] "
// (kubectl writes it before the line, timestamps included), with or
// without a runtime's framing after it.
//
// What the container wrote (the CONTENT) is a syslog line in one of
// log_line.h's forms, its own timestamp and host included (Postfix's
// maillog_file writes "%b %d %H:%M:%S host postfix/smtp[1]: ..."), or a
// tagged message without one ("postfix/smtp[1]: QID: ..."). Its time is the
// runtime's: it carries the year and the zone (UTC), which the syslog stamp
// does not. Content in no such form is not recognised (the line fails
// closed, counted as any unrecognised line is).
//
// Thread safety: pure functions; views point into the line.
#ifndef NEARMISS_MAILLOG_CONTAINER_LINE_H_
#define NEARMISS_MAILLOG_CONTAINER_LINE_H_

#include <string_view>

#include "maillog/timestamp.h"

namespace nearmiss::maillog {

// `line` after kubectl's "[pod/NAME/CONTAINER] " when it starts with one
// (NAME and CONTAINER non-empty, no space or bracket in them); else `line`.
std::string_view AfterKubectlPrefix(std::string_view line);

struct ContainerFrame {
  enum class Kind { kKubectl, kCri };
  Kind kind = Kind::kKubectl;
  Stamp stamp;                  // the runtime's time (zoned)
  std::string_view stream;      // CRI: "stdout" or "stderr"; "" for kubectl
  bool partial = false;         // CRI "P": continued by the stream's next record
  std::string_view content;     // what the container wrote
};

// Reads the runtime's framing at the start of `line` (after any prefix):
// an RFC 3339 time with a zone, then either the CRI fields, or content
// that starts with a timestamp of its own (a syslog line: `kubectl logs
// --timestamps`). False when `line` is not so framed: an rsyslog
// RSYSLOG_FileFormat line ("TIME HOST TAG: ...") is not, and neither is
// `kubectl logs --timestamps` of a bare "postfix/smtp[1]: ..." (read as
// that RFC 3339 form without a host, which gives the same line).
bool ReadContainerFrame(std::string_view line, ContainerFrame* out);

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_CONTAINER_LINE_H_
