# Test programs are most of a clean build (one GoogleTest source each, ~210
# of them). In RelWithDebInfo they compile with -O0 -g1: line tables for
# backtraces, no variable locations, no optimisation of the test code itself
# (the libraries they test keep the build type's flags, so what is tested is
# what ships). Measured on src/http/server_test.cc: 13.4 s at -O2 -g1 against
# 8.2 s at -O0 -g1; the whole test tree's objects took 1222 s of CPU at -O2.
# Tried and left out: a precompiled header of GoogleTest and the standard
# library shared by every test made GCC 12 report false -Warray-bounds inside
# std::string's inlined copies in 8 tests at -O2; -O1 did the same (those
# warnings come from the optimiser, which -O0 does not run). (nm_test)

# nm_test(NAME SOURCE LIBS...): a GoogleTest binary registered with CTest.
# Tests run from the source tree so they can read tests/testdata and data/.
function(nm_test name source)
  if(NOT BUILD_TESTING)
    return()
  endif()
  add_executable(${name} ${source})
  if(CMAKE_BUILD_TYPE STREQUAL "RelWithDebInfo")
    target_compile_options(${name} PRIVATE -O0 -g1)  # why: the comment above
  endif()
  target_link_libraries(${name} PRIVATE ${ARGN} GTest::gtest GTest::gmock
                                        GTest::gtest_main)
  add_test(NAME ${name} COMMAND ${name} WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  # Engines compiled by tests cache their marking database in the build
  # tree, not in /var/lib/nearmiss or ~/.cache (content/cache_location.h).
  set_property(TEST ${name} APPEND PROPERTY ENVIRONMENT
               "NEARMISS_CACHE_DIR=${CMAKE_BINARY_DIR}/test-cache")
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
# starts the daemon or the CLI as root writes nothing under /var/lib/nearmiss.
# Call at the end of a CMakeLists.txt with add_test calls.
function(nm_test_marking_cache)
  get_property(tests DIRECTORY PROPERTY TESTS)
  if(tests)
    set_property(TEST ${tests} APPEND PROPERTY ENVIRONMENT
                 "NEARMISS_CACHE_DIR=${CMAKE_BINARY_DIR}/test-cache")
  endif()
endfunction()
