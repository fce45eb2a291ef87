# Sourced by bench/milter-peers: puts OpenDKIM and rspamd (Debian 12's
# packages) on the machine without running them as system services, and
# sets OPENDKIM_VERSION, RSPAMD_BIN, RSPAMD_LIBS, RSPAMD_SHARE and
# RSPAMD_VERSION.
#
# OpenDKIM is installed with apt-get. Its package enables and may start its
# unit: the unit is disabled and stopped again, since the benchmark runs
# its own instance.
#
# rspamd cannot be installed beside nearmiss's build dependencies: Debian's
# rspamd depends on libhyperscan5, which conflicts with libvectorscan5
# (both ship libhs.so.5). So its shared-library dependencies are installed
# with apt-get, and the rspamd and libhyperscan5 packages themselves are
# fetched with `apt-get download` and unpacked (dpkg -x) under
# RSPAMD_CACHE (default /var/cache/nearmiss-bench), where rspamd runs from
# with its own libraries first on LD_LIBRARY_PATH. Nothing of it is
# registered with dpkg, so no unit exists and the system is unchanged.
RSPAMD_CACHE=${RSPAMD_CACHE:-/var/cache/nearmiss-bench}
RSPAMD_RUNTIME_DEPS="libglib2.0-0 libluajit2-5.1-2 libsodium23 libunwind8 libpcre2-8-0
  libsqlite3-0 libicu72 libssl3"

apt_install() {  # packages...
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" \
    >"${TMPDIR:-/tmp}/milter-peers-apt.log" 2>&1 || {
    echo "FAIL: apt-get install $* (see ${TMPDIR:-/tmp}/milter-peers-apt.log)" >&2
    return 1
  }
}

install_opendkim() {
  if ! command -v opendkim >/dev/null || ! command -v opendkim-genkey >/dev/null; then
    apt_install opendkim opendkim-tools || return 1
    systemctl disable opendkim >/dev/null 2>&1
    systemctl stop opendkim >/dev/null 2>&1 || invoke-rc.d opendkim stop >/dev/null 2>&1
  fi
  OPENDKIM_VERSION="$(opendkim -V | sed -n 's/^opendkim: OpenDKIM Filter v//p')"
  OPENDKIM_VERSION+=" (Debian $(dpkg-query -W -f='${Version}' opendkim 2>/dev/null))"
}

install_rspamd() {
  if command -v rspamd >/dev/null; then  # a system rspamd (no vectorscan here)
    RSPAMD_BIN=$(command -v rspamd)
    RSPAMD_LIBS=
    RSPAMD_SHARE=/usr/share/rspamd
  else
    local root="$RSPAMD_CACHE/rspamd"
    if [ ! -x "$root/usr/bin/rspamd" ]; then
      # shellcheck disable=SC2086  # a list of package names
      apt_install $RSPAMD_RUNTIME_DEPS || return 1
      local debs
      debs=$(mktemp -d)
      (cd "$debs" && apt-get download rspamd libhyperscan5 >/dev/null 2>&1) || {
        echo "FAIL: apt-get download rspamd libhyperscan5" >&2; rm -rf "$debs"; return 1; }
      mkdir -p "$root"
      for deb in "$debs"/*.deb; do dpkg -x "$deb" "$root" || { rm -rf "$debs"; return 1; }; done
      dpkg-deb -f "$debs"/rspamd_*.deb Version >"$root/debian-version"
      rm -rf "$debs"
    fi
    RSPAMD_BIN="$root/usr/bin/rspamd"
    RSPAMD_LIBS="$root/usr/lib/rspamd:$root/usr/lib/x86_64-linux-gnu"
    RSPAMD_SHARE="$root/usr/share/rspamd"
  fi
  RSPAMD_VERSION=$(LD_LIBRARY_PATH=$RSPAMD_LIBS "$RSPAMD_BIN" --version |
                   sed -n 's/^Rspamd daemon version //p')
  [ -n "$RSPAMD_VERSION" ] || { echo "FAIL: $RSPAMD_BIN does not run" >&2; return 1; }
  RSPAMD_VERSION+=" (Debian $(cat "${RSPAMD_BIN%/usr/bin/rspamd}/debian-version" 2>/dev/null ||
                              dpkg-query -W -f='${Version}' rspamd 2>/dev/null))"
}

install_peers() { install_opendkim && install_rspamd; }
