// mimalloc's options, from Debian's libmimalloc-dev. The library itself is linked by the
// `sitegen` target's linker settings (Package.swift).
#include <mimalloc.h>
