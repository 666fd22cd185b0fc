#define _GNU_SOURCE
#include "CFolderExchange.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>

int sitegen_exchange_paths(const char *first, const char *second) {
#if defined(__APPLE__)
    return renamex_np(first, second, RENAME_SWAP);
#elif defined(RENAME_EXCHANGE)
    return renameat2(AT_FDCWD, first, AT_FDCWD, second, RENAME_EXCHANGE);
#else
    errno = ENOSYS;
    return -1;
#endif
}
