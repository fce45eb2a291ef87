# Writes OUT: a C++ file defining nearmiss::data::SYMBOL with IN's bytes.
# The byte array is named after SYMBOL: several embedded files of one
# library share a unity batch (NM_UNITY_BUILD).
file(READ ${IN} hex HEX)
string(LENGTH "${hex}" hex_len)
math(EXPR size "${hex_len} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
file(WRITE ${OUT}
  "// Generated from ${IN}; do not edit.\n#include <string_view>\n"
  "namespace nearmiss::data {\nnamespace {\nconst unsigned char ${SYMBOL}Bytes[] = {${bytes} 0};\n}\n"
  "extern const std::string_view ${SYMBOL};\n"
  "const std::string_view ${SYMBOL}(reinterpret_cast<const char*>(${SYMBOL}Bytes), ${size});\n}\n")
