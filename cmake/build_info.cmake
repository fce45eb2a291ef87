# The facts `nearmiss --version` prints, taken from git at configure time:
# the commit, and for each embedded list (data/lists, data/markings, the
# default policy) the date and commit of its last change. A copy of the
# source that is no checkout (the Debian package's build tree, a tarball)
# carries them in source-info.cmake at its top, written by dist/source-info
# from the checkout it was copied from; that file, when present, wins over
# git (a build tree inside another checkout would otherwise ask that one's
# git). Without either each is "unknown". The build date honours
# SOURCE_DATE_EPOCH (reproducible builds; dpkg-buildpackage sets it).
#
# A new commit (HEAD or the branch ref moving) re-runs configure, so the
# commit printed is the one built.
find_package(Git QUIET)

function(nm_git out)
  set(${out} "unknown" PARENT_SCOPE)
  if(GIT_FOUND)
    execute_process(COMMAND ${GIT_EXECUTABLE} ${ARGN}
                    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
                    OUTPUT_VARIABLE value OUTPUT_STRIP_TRAILING_WHITESPACE
                    RESULT_VARIABLE rc ERROR_QUIET)
    if(rc EQUAL 0 AND NOT value STREQUAL "")
      set(${out} "${value}" PARENT_SCOPE)
    endif()
  endif()
endfunction()

set(nm_source_info "${PROJECT_SOURCE_DIR}/source-info.cmake")
if(EXISTS "${nm_source_info}")
  include("${nm_source_info}")
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${nm_source_info}")
  set(NM_GIT_COMMIT "${NM_SOURCE_COMMIT}")
  set(NM_GIT_COMMIT_DATE "${NM_SOURCE_COMMIT_DATE}")
else()
  nm_git(NM_GIT_COMMIT rev-parse --short=12 HEAD)
  nm_git(NM_GIT_COMMIT_DATE log -1 --format=%cs HEAD)
endif()
string(TIMESTAMP NM_BUILD_DATE "%Y-%m-%d" UTC)

foreach(ref HEAD refs/heads packed-refs)
  nm_git(path rev-parse --git-path ${ref})
  if(ref STREQUAL "refs/heads")
    nm_git(branch symbolic-ref -q HEAD)
    if(NOT branch STREQUAL "unknown")
      nm_git(path rev-parse --git-path ${branch})
    endif()
  endif()
  if(NOT path STREQUAL "unknown")
    if(NOT IS_ABSOLUTE "${path}")
      set(path "${PROJECT_SOURCE_DIR}/${path}")
    endif()
    if(EXISTS "${path}")
      set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${path}")
    endif()
  endif()
endforeach()

file(GLOB nm_embedded_lists RELATIVE ${PROJECT_SOURCE_DIR}
     ${PROJECT_SOURCE_DIR}/data/lists/*.txt ${PROJECT_SOURCE_DIR}/data/markings/*.toml
     ${PROJECT_SOURCE_DIR}/data/policy/default.toml)
set(NM_EMBEDDED_LISTS "")
foreach(list ${nm_embedded_lists})
  if(EXISTS "${nm_source_info}")
    set(info "${NM_SOURCE_LIST_${list}}")
  else()
    nm_git(info log -1 --format=%cs\ %h -- ${list})
  endif()
  if(info STREQUAL "unknown" OR info STREQUAL "")
    set(date "unknown")
    set(commit "unknown")
  else()
    string(REPLACE " " ";" info "${info}")
    list(GET info 0 date)
    list(GET info 1 commit)
  endif()
  string(APPEND NM_EMBEDDED_LISTS "    {\"${list}\", \"${date}\", \"${commit}\"},\n")
endforeach()

configure_file(${PROJECT_SOURCE_DIR}/cmake/build_info.cc.in
               ${PROJECT_BINARY_DIR}/generated/build_info.cc @ONLY)
