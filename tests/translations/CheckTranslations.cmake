# Fails when a Chinese entry is unfinished, or when the .ts files are stale against the sources
# (lupdate, run the way the build runs it, would change them).
# Inputs: LUPDATE, GENERATOR (Qt's GenerateLUpdateProject.cmake), PROJECT_IN, WORK_DIR, TS_FILES.
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

set(failures "")
set(copies "")
foreach(ts IN LISTS TS_FILES)
    get_filename_component(name "${ts}" NAME)
    configure_file("${ts}" "${WORK_DIR}/${name}" COPYONLY)
    list(APPEND copies "${WORK_DIR}/${name}")
    if(name MATCHES "zh_CN")
        file(STRINGS "${ts}" unfinished REGEX "type=\"(unfinished|vanished|obsolete)\"")
        list(LENGTH unfinished count)
        if(count GREATER 0)
            string(APPEND failures "${name}: ${count} entries are unfinished or obsolete.\n")
        endif()
    endif()
endforeach()

execute_process(
    COMMAND "${CMAKE_COMMAND}" -DIN_FILE=${PROJECT_IN} -DOUT_FILE=${WORK_DIR}/project.json
            -P "${GENERATOR}"
    RESULT_VARIABLE generated)
if(NOT generated EQUAL 0)
    message(FATAL_ERROR "Could not generate the lupdate project file.")
endif()
execute_process(
    COMMAND "${LUPDATE}" -project "${WORK_DIR}/project.json" -ts ${copies} -no-obsolete
            -locations none -silent
    RESULT_VARIABLE updated)
if(NOT updated EQUAL 0)
    message(FATAL_ERROR "lupdate failed.")
endif()

foreach(ts IN LISTS TS_FILES)
    get_filename_component(name "${ts}" NAME)
    execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${ts}" "${WORK_DIR}/${name}"
                    RESULT_VARIABLE different)
    if(different)
        string(APPEND failures
               "${name} is stale: run 'cmake --build BUILD --target update_translations' and "
               "translate what it adds.\n")
    endif()
endforeach()

if(failures)
    message(FATAL_ERROR "${failures}")
endif()
message(STATUS "Translations complete and current.")
