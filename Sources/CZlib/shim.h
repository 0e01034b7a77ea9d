#ifndef NEWSEVENTS_CZLIB_SHIM_H
#define NEWSEVENTS_CZLIB_SHIM_H
#include <zlib.h>

/// `inflateInit2` is a macro; Swift cannot call it. windowBits 15 + 32 accepts gzip and zlib headers.
static inline int newsevents_inflateInit(z_streamp stream) {
    return inflateInit2(stream, 15 + 32);
}
#endif
