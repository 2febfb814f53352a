# cJSON, the one JSON library.
# Natively: Debian's libcjson-dev (find_package gives the target `cjson`).
# WebAssembly: compiled by emcc from its source, fetched at build time, never committed:
#   1. FETCHCONTENT_SOURCE_DIR_CJSON, if the caller gives it;
#   2. on a Debian machine, Debian's source package (scripts/lib/fetch-cjson-source.sh);
#   3. elsewhere, upstream's release tarball, checked by SHA256.
# Either way the target is `cjson` and code includes <cjson/cJSON.h>.
if(NOT FLTPLAY_WASM)
  find_package(cJSON CONFIG REQUIRED)
  return()
endif()

cmake_policy(SET CMP0135 NEW)
include(FetchContent)
if(NOT FETCHCONTENT_SOURCE_DIR_CJSON AND EXISTS /usr/bin/apt-get)
  set(_cjson_dir ${CMAKE_BINARY_DIR}/_deps/cjson-debian)
  execute_process(
    COMMAND ${PROJECT_SOURCE_DIR}/scripts/lib/fetch-cjson-source.sh ${_cjson_dir}
    RESULT_VARIABLE _cjson_rc)
  if(_cjson_rc EQUAL 0)
    set(FETCHCONTENT_SOURCE_DIR_CJSON ${_cjson_dir}/src CACHE PATH "cJSON source" FORCE)
  else()
    message(WARNING "Debian's cJSON source package could not be fetched; trying upstream's tarball")
  endif()
endif()
FetchContent_Declare(cjson
  URL https://github.com/DaveGamble/cJSON/archive/refs/tags/v1.7.15.tar.gz
  URL_HASH SHA256=5308fd4bd90cef7aa060558514de6a1a4a0819974a26e6ed13973c5f624c24b2)
FetchContent_GetProperties(cjson)
if(NOT cjson_POPULATED)
  FetchContent_Populate(cjson)
endif()

# Compile cJSON.c ourselves (its own CMakeLists builds tests and shared libraries we do not need).
set(_cjson_inc ${CMAKE_BINARY_DIR}/_deps/cjson-include)
configure_file(${cjson_SOURCE_DIR}/cJSON.h ${_cjson_inc}/cjson/cJSON.h COPYONLY)
add_library(cjson STATIC ${cjson_SOURCE_DIR}/cJSON.c)
target_include_directories(cjson SYSTEM PUBLIC ${_cjson_inc})
target_compile_options(cjson PRIVATE -w)
