# Warnings per target, never directory-wide.
function(cardlink_set_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
    if(CARDLINK_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()
