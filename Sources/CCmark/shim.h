// The CommonMark C library as installed by Debian's libcmark-dev.
#include <cmark.h>
