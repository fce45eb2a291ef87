# Test programs are most of a clean build (one GoogleTest source each, ~210
# of them). In RelWithDebInfo they compile with -O0 -g1: line tables for
# backtraces, no variable locations, no optimisation of the test code itself
# (the libraries they test keep the build type's flags, so what is tested is
# what ships). Measured on src/http/server_test.cc: 13.4 s at -O2 -g1 against
# 8.2 s at -O0 -g1; the whole test tree's objects took 1222 s of CPU at -O2.
# Tried and left out: a precompiled header of GoogleTest and the standard
# library shared by every test made GCC 12 report false -Warray-bounds inside
# std::string's inlined copies in 8 tests at -O2; -O1 did the same (those
# warnings come from the optimiser, which -O0 does not run). At -O0 (stop 48)
# such a header (GoogleTest, the standard library, nlohmann/json) cut
# engine_test.cc's parsing from 4.9 s to 1.8 s of CPU but its template
# instantiation grew as much, and loading the 140 MB header cost the rest:
# no gain; with cpp-httplib in it, the HTTP tests alone gained (15 -> 8 s).
# Left out: it would also keep ccache from caching those objects. (nm_test)

# nm_test(NAME SOURCE LIBS...): SOURCE's GoogleTest tests, registered with
# CTest as NAME. The sources of one module (the directory) are linked into one
# program, src/<module>/<module>_tests, with tests/support/source_filter_main.cc
# as its main: CTest runs `<module>_tests --nm_source=<SOURCE>`, which runs the
# tests written in SOURCE only. Why one program: a clean build linked ~270 test
# programs, each copying the module libraries and their debug sections (a
# fifth of a clean build's CPU and most of its disk). `ninja NAME` still
# builds it (a target of that name depends on the program). A test meant to
# be run by hand as its own program (goldens, the corpus) uses nm_test_program.
# Tests run from the source tree so they can read tests/testdata and data/.
function(nm_test name source)
  if(NOT BUILD_TESTING)
    return()
  endif()
  get_filename_component(module ${CMAKE_CURRENT_SOURCE_DIR} NAME)
  set(program ${module}_tests)
  if(NOT TARGET ${program})
    add_executable(${program})
    nm_test_flags(${program})
    target_link_libraries(${program} PRIVATE GTest::gtest GTest::gmock nm_gtest_source_main)
    # After the directory's last nm_test: the check that every test of the
    # program belongs to a registered source (source_filter_main.cc).
    # (EVAL: a deferred call's arguments are read when it runs.)
    cmake_language(EVAL CODE "cmake_language(DEFER CALL nm_test_ownership ${program})")
  endif()
  target_sources(${program} PRIVATE ${source})
  target_link_libraries(${program} PRIVATE ${ARGN})
  file(RELATIVE_PATH relative ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_SOURCE_DIR}/${source})
  set_property(TARGET ${program} APPEND PROPERTY NM_TEST_SOURCES ${relative})
  add_test(NAME ${name} COMMAND ${program} --nm_source=${relative}
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  add_custom_target(${name} DEPENDS ${program})
  nm_test_environment(${name})
endfunction()

# nm_test_program(NAME SOURCE LIBS...): a GoogleTest program of its own,
# build/src/<module>/NAME, registered with CTest as NAME: for tests also run
# by hand (NM_UPDATE_GOLDEN=1 content_golden_test, content_marking_corpus's
# figures, store_test against PostgreSQL).
function(nm_test_program name source)
  if(NOT BUILD_TESTING)
    return()
  endif()
  add_executable(${name} ${source})
  nm_test_flags(${name})
  target_link_libraries(${name} PRIVATE ${ARGN} GTest::gtest GTest::gmock
                                        GTest::gtest_main)
  add_test(NAME ${name} COMMAND ${name} WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  nm_test_environment(${name})
endfunction()

function(nm_test_flags target)
  if(CMAKE_BUILD_TYPE STREQUAL "RelWithDebInfo")
    target_compile_options(${target} PRIVATE -O0 -g1)  # why: the comment above
  endif()
endfunction()

function(nm_test_environment name)
  # Engines compiled by tests cache their marking database in the build
  # tree, not in /var/lib/nearmiss or ~/.cache (content/cache_location.h).
  set_property(TEST ${name} APPEND PROPERTY ENVIRONMENT
               "NEARMISS_CACHE_DIR=${CMAKE_BINARY_DIR}/test-cache")
endfunction()

function(nm_test_ownership program)
  get_target_property(sources ${program} NM_TEST_SOURCES)
  list(JOIN sources "," joined)
  add_test(NAME ${program}_sources COMMAND ${program} --nm_owned_by=${joined}
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
endfunction()

# nm_embed(TARGET FILE SYMBOL): compiles FILE's bytes into TARGET as
# `extern const std::string_view SYMBOL` in namespace nearmiss::data, so the
# binary carries its default data and needs no install step.
function(nm_embed target file symbol)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/embed_${symbol}.cc)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DIN=${file} -DOUT=${out} -DSYMBOL=${symbol}
            -P ${PROJECT_SOURCE_DIR}/cmake/embed.cmake
    DEPENDS ${file} ${PROJECT_SOURCE_DIR}/cmake/embed.cmake
    COMMENT "Embedding ${file}")
  target_sources(${target} PRIVATE ${out})
endfunction()

# nm_test_marking_cache(): every test of the calling directory caches the
# marking database in the build tree (NEARMISS_CACHE_DIR), so a test that
# starts the daemon or the CLI as root writes nothing under /var/lib/nearmiss,
# and no test compiles the marking database again. Applied when the
# directory's CMakeLists.txt is done (cmake_language DEFER), so tests added
# after the call get it too: those were left compiling it in their own state
# directory (cli_listed_lookalikes, cli_round44d, cli_round45d, the
# postfix_* tests after the call).
function(nm_test_marking_cache)
  cmake_language(DEFER CALL nm_test_marking_cache_now)
endfunction()

function(nm_test_marking_cache_now)
  get_property(tests DIRECTORY PROPERTY TESTS)
  if(tests)
    set_property(TEST ${tests} APPEND PROPERTY ENVIRONMENT
                 "NEARMISS_CACHE_DIR=${CMAKE_BINARY_DIR}/test-cache")
  endif()
endfunction()
