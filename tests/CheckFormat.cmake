# Fails when a C++ file under app/, ui/ or tests/ differs from what clang-format makes of it.
file(GLOB_RECURSE files ${SOURCE_DIR}/app/*.cpp ${SOURCE_DIR}/app/*.h ${SOURCE_DIR}/ui/*.cpp ${SOURCE_DIR}/ui/*.h
     ${SOURCE_DIR}/tests/*.cpp ${SOURCE_DIR}/tests/*.h)
execute_process(COMMAND ${CLANG_FORMAT} --dry-run -Werror ${files} RESULT_VARIABLE result ERROR_VARIABLE errors)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "${errors}\nThese files are not clang-formatted; run: clang-format -i <file>")
endif()
list(LENGTH files count)
message(STATUS "${count} files are clang-formatted")
