# Install rules (GNU directory layout): `cmake --install BUILD [--prefix P]`,
# and what debian/rules stages into the package.
#
#   bin/nearmiss
#   share/man/man1/nearmiss.1, nearmiss-<subcommand>.1 ...   (NM_MAN)
#   share/man/man5/nearmiss-policy.toml.5                   (NM_MAN)
#   share/bash-completion/completions/nearmiss
#   ${NM_ZSH_COMPLETION_DIR}/_nearmiss
#   etc/nearmiss/policy.toml              the embedded default, commented
#   share/doc/nearmiss/                   README, docs/*.md, examples/policy.toml
include(GNUInstallDirs)

install(TARGETS nearmiss RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# The man pages come from the same sources as the answers a user already
# gets: the built binary's --help (help2man) and docs/policy.md (pandoc).
# Generating them runs the binary, so a cross build turns this off.
find_program(NM_HELP2MAN help2man)
find_program(NM_PANDOC pandoc)
if(NM_HELP2MAN AND NM_PANDOC)
  set(nm_man_default ON)
else()
  set(nm_man_default OFF)
endif()
option(NM_MAN "Generate and install man pages (needs help2man and pandoc)" ${nm_man_default})
if(NM_MAN)
  if(NOT NM_HELP2MAN OR NOT NM_PANDOC)
    message(FATAL_ERROR "NM_MAN=ON needs help2man and pandoc (Debian packages of those names)")
  endif()
  set(nm_man_dir ${PROJECT_BINARY_DIR}/man)
  add_custom_command(
    OUTPUT ${nm_man_dir}/stamp
    COMMAND ${CMAKE_COMMAND} -E rm -rf ${nm_man_dir}
    COMMAND ${PROJECT_SOURCE_DIR}/dist/gen-man $<TARGET_FILE:nearmiss> ${PROJECT_VERSION}
            ${PROJECT_SOURCE_DIR}/docs/policy.md ${nm_man_dir}
    COMMAND ${CMAKE_COMMAND} -E touch ${nm_man_dir}/stamp
    DEPENDS nearmiss ${PROJECT_SOURCE_DIR}/dist/gen-man ${PROJECT_SOURCE_DIR}/docs/policy.md
    COMMENT "Generating man pages (help2man over nearmiss --help; pandoc over docs/policy.md)")
  add_custom_target(man ALL DEPENDS ${nm_man_dir}/stamp)
  install(DIRECTORY ${nm_man_dir}/man1 ${nm_man_dir}/man5 DESTINATION ${CMAKE_INSTALL_MANDIR})
endif()

# Both completions ask the installed binary for its --help at completion
# time, so they offer exactly the subcommands and options it has.
set(NM_ZSH_COMPLETION_DIR ${CMAKE_INSTALL_DATADIR}/zsh/site-functions
    CACHE STRING "Where _nearmiss goes (Debian: share/zsh/vendor-completions)")
install(FILES dist/completion/nearmiss.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME nearmiss)
install(FILES dist/completion/_nearmiss DESTINATION ${NM_ZSH_COMPLETION_DIR})

# The embedded default policy, every key commented: the file an
# administrator edits (a conffile in the package). SYSCONFDIR is relative
# ("etc": PREFIX/etc, following --prefix at install time) unless set, as
# debhelper sets it, to /etc.
install(FILES data/policy/default.toml
        DESTINATION ${CMAKE_INSTALL_SYSCONFDIR}/nearmiss RENAME policy.toml)
install(FILES data/policy/default.toml DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples
        RENAME policy.toml)
install(FILES README.md docs/api.md docs/architecture.md docs/deployment.md
              docs/fail-closed.md docs/mail-logs.md docs/policy.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
