# CARDLINK_LINKER: link every target with -fuse-ld=<it> (mold, lld, gold).
# The presets ci, bench and fuzz ask for mold (Debian package mold, installed
# by scripts/install-deps.sh): the suite links ~150 executables against Qt and
# the static libraries' debug information, and GNU ld is most of that time.
# Empty (presets dev, asan, release): the compiler's default linker. A linker
# that is asked for and does not work fails the configure step; it is never
# replaced silently.
set(CARDLINK_LINKER "" CACHE STRING "Linker passed as -fuse-ld= (mold, lld, gold); empty: the default")
if(CARDLINK_LINKER)
    include(CheckLinkerFlag)
    string(MAKE_C_IDENTIFIER "CARDLINK_LINKER_${CARDLINK_LINKER}_WORKS" linker_check)
    check_linker_flag(CXX "-fuse-ld=${CARDLINK_LINKER}" ${linker_check})
    if(NOT ${linker_check})
        message(FATAL_ERROR "CARDLINK_LINKER=${CARDLINK_LINKER}: ${CMAKE_CXX_COMPILER} cannot link with "
            "-fuse-ld=${CARDLINK_LINKER} (scripts/install-deps.sh installs mold)")
    endif()
    add_link_options("-fuse-ld=${CARDLINK_LINKER}")
endif()
