# The fuzz targets in the normal build (any compiler, no libFuzzer): each
# is linked with replay_main.cc and replays its seed corpus plus every
# input a fuzzer found (fuzz/regressions/NAME/, each a bug fixed) as the
# ctest fuzz_replay_NAME. Included from tests/CMakeLists.txt.
function(nm_fuzz_replay name)
  set(dir ${PROJECT_SOURCE_DIR}/fuzz)
  add_executable(${name}_replay ${dir}/${name}_fuzz.cc ${dir}/replay_main.cc)
  target_link_libraries(${name}_replay PRIVATE ${ARGN})
  set(inputs ${dir}/corpus/${name})
  if(EXISTS ${dir}/regressions/${name})
    list(APPEND inputs ${dir}/regressions/${name})
  endif()
  add_test(NAME fuzz_replay_${name} COMMAND ${name}_replay ${inputs})
  set_tests_properties(fuzz_replay_${name} PROPERTIES TIMEOUT 300)
endfunction()

nm_fuzz_replay(address nearmiss_address)
nm_fuzz_replay(content nearmiss_content)
nm_fuzz_replay(milter_codec nearmiss_milter_codec)
nm_fuzz_replay(maillog_line nearmiss_maillog)
nm_fuzz_replay(maillog_read nearmiss_maillog)
nm_fuzz_replay(policy nearmiss_engine)
nm_fuzz_replay(header_recipients nearmiss_engine)
nm_fuzz_replay(milter_session nearmiss_milter)
nm_fuzz_replay(http_request nearmiss_http nearmiss_store)
