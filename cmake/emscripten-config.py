# Emscripten configuration for building fltplay with Debian's emscripten 3.1.6.
# Passed as EM_CONFIG by scripts/build-wasm.sh (and to every `cmake --build`).
# It is Debian's default configuration plus NODE_PATH: optimized builds run an acorn pass
# and Node must find Debian's acorn in /usr/share/nodejs (without it only -O0 links).
import os
os.environ.setdefault('NODE_PATH', '/usr/share/nodejs')

EMSCRIPTEN_ROOT = '/usr/share/emscripten'
LLVM_ROOT = '/usr/bin'
BINARYEN_ROOT = '/usr'
NODE_JS = '/usr/bin/node'
# The system libraries ship prebuilt in Debian's frozen cache; never rebuild them.
FROZEN_CACHE = True
LLVM_ADD_VERSION = '14'
CLANG_ADD_VERSION = '14'
