// --user and --spool for the daemons (milter, serve), and the skeleton's
// options they make with --policy and --store.
#include "cli/commands.h"
#include "cli/config_flags.h"
#include "store/default_location.h"

namespace nearmiss::cli {

void DaemonFlags::Register(CLI::App& cmd) {
  BindConfig("user", cmd,
             cmd.add_option("--user", user,
                            "Drop to this user after binding (initgroups, setgid, setuid); "
                            "without it a daemon started as root stays root, with a warning"),
             &user);
  spool.Register(cmd);
}

Result<daemon::SingleServerOptions> DaemonFlags::Options(std::string name,
                                                         const PolicyFlags& policy) const {
  daemon::SingleServerOptions o;
  StoreChoice store = ChooseStore(policy.store_url, /*create=*/false);
  if (!store.url.empty()) {
    NM_ASSIGN_OR_RETURN(PasswordSource password, policy.store_password.Resolve());
    o.store_password = std::move(password.password);
  }
  o.name = std::move(name);
  o.policy_file = policy.policy_file;
  o.store_url = store.url;
  // The default store, not there yet: opened when learn makes it
  // (daemon/late_store.h). Not for --store none, nor a store named.
  if (store.url.empty() && policy.store_url.empty()) {
    o.late_store_path = store::FindDefaultStore(store::StoreEnvironment::FromProcess()).path;
    o.late_store_url = "sqlite://" + o.late_store_path;
  }
  o.spool = spool;
  o.user = user;
  return o;
}

}  // namespace nearmiss::cli
