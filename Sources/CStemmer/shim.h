// The Snowball stemmers as installed by Debian's libstemmer-dev.
#include <libstemmer.h>
