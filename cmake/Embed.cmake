# fltplay_embed_text(OUT_C SYMBOL FILE...): turns text files into one C array (each file followed
# by a NUL), so the CLI and the wasm module carry their data (the text catalogue, built-in
# headers) without file I/O.
function(fltplay_embed_text out_c symbol)
  set(inputs ${ARGN})
  add_custom_command(
    OUTPUT ${out_c}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out_c} -DSYMBOL=${symbol} "-DINPUTS=${inputs}"
            -P ${PROJECT_SOURCE_DIR}/cmake/EmbedScript.cmake
    DEPENDS ${inputs} ${PROJECT_SOURCE_DIR}/cmake/EmbedScript.cmake
    COMMENT "Embedding ${symbol}"
    VERBATIM)
endfunction()
