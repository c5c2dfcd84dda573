# sla_embed_entries(OUT FILES... DELIMITER D NAME_FROM DIR [STRIP_EXT E]): the
# lines `SLA_ENTRY("name", R"D(text)D"),` of a generated C++ table, one per file
# (the generated source defines SLA_ENTRY as its table needs), for the
# text files the build embeds (the stdlib's modules, the word lists of documents).
# The name is the file's path relative to DIR, less the extension E (or the whole
# extension when no E is given). Each file re-runs the configure step when edited;
# a file holding the raw-string delimiter stops the configure step.
function(sla_embed_entries out)
  cmake_parse_arguments(ARG "" "DELIMITER;NAME_FROM;STRIP_EXT" "FILES" ${ARGN})
  set(entries "")
  foreach(file IN LISTS ARG_FILES)
    file(RELATIVE_PATH name ${ARG_NAME_FROM} ${file})
    if(ARG_STRIP_EXT)
      string(REGEX REPLACE "\\${ARG_STRIP_EXT}$" "" name "${name}")
    else()
      get_filename_component(name ${name} NAME_WE)
    endif()
    file(READ ${file} text)
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${file})
    if(text MATCHES "\\)${ARG_DELIMITER}\"")
      message(FATAL_ERROR "${file} contains the raw-string delimiter )${ARG_DELIMITER}\"")
    endif()
    string(APPEND entries "    SLA_ENTRY(\"${name}\", R\"${ARG_DELIMITER}(${text})${ARG_DELIMITER}\"),\n")
  endforeach()
  set(${out} "${entries}" PARENT_SCOPE)
endfunction()
