#include "daemon/service_manager.h"

#include <systemd/sd-daemon.h>
#include <time.h>

#include <string>

namespace nearmiss::daemon {

void NotifyReady(std::string_view status) {
  // STATUS= is one line: systemctl status shows it as "Status:".
  std::string line(status.substr(0, status.find('\n')));
  std::string message = "READY=1\nSTATUS=" + line;
  sd_notify(0, message.c_str());
}

void NotifyReloading() {
  // MONOTONIC_USEC lets systemd tell this reload from an earlier one.
  timespec now{};
  clock_gettime(CLOCK_MONOTONIC, &now);
  unsigned long long usec =
      static_cast<unsigned long long>(now.tv_sec) * 1000000ULL + now.tv_nsec / 1000;
  std::string message = "RELOADING=1\nSTATUS=reloading the policy\nMONOTONIC_USEC=" +
                        std::to_string(usec);
  sd_notify(0, message.c_str());
}

void NotifyStopping() { sd_notify(0, "STOPPING=1\nSTATUS=draining"); }

}  // namespace nearmiss::daemon
