/*
 * A tiny allocation counter for scripts/check-allocations.sh, loaded with LD_PRELOAD:
 *
 *   cc -O2 -shared -fPIC -o malloc-count.so scripts/malloc-count.c
 *   LD_PRELOAD=$PWD/malloc-count.so program
 *
 * It counts every call of malloc, calloc, realloc, reallocarray, posix_memalign, aligned_alloc,
 * memalign, valloc and pvalloc (free is not counted), and forwards each to glibc's own allocator
 * (the __libc_* entry points, so no dlsym and no recursion). A program reads the count in process
 * through `ccsim_malloc_count()` (found with dlsym); with MALLOC_COUNT_REPORT set, the total of the
 * whole process is also printed to standard error at exit. glibc only.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void *__libc_memalign(size_t, size_t);
extern void *__libc_valloc(size_t);
extern void *__libc_pvalloc(size_t);

static _Atomic uint64_t allocations;

static inline void count(void) { atomic_fetch_add_explicit(&allocations, 1, memory_order_relaxed); }

__attribute__((visibility("default"))) uint64_t ccsim_malloc_count(void) {
    return atomic_load_explicit(&allocations, memory_order_relaxed);
}

void *malloc(size_t size) { count(); return __libc_malloc(size); }
void *calloc(size_t n, size_t size) { count(); return __libc_calloc(n, size); }
void *realloc(void *p, size_t size) { count(); return __libc_realloc(p, size); }
void *reallocarray(void *p, size_t n, size_t size) {
    count();
    if (size != 0 && n > SIZE_MAX / size) { errno = ENOMEM; return NULL; }
    return __libc_realloc(p, n * size);
}
void *memalign(size_t alignment, size_t size) { count(); return __libc_memalign(alignment, size); }
void *aligned_alloc(size_t alignment, size_t size) { count(); return __libc_memalign(alignment, size); }
void *valloc(size_t size) { count(); return __libc_valloc(size); }
void *pvalloc(size_t size) { count(); return __libc_pvalloc(size); }
int posix_memalign(void **out, size_t alignment, size_t size) {
    count();
    if (alignment < sizeof(void *) || (alignment & (alignment - 1)) != 0) return EINVAL;
    void *p = __libc_memalign(alignment, size);
    if (p == NULL && size != 0) return ENOMEM;
    *out = p;
    return 0;
}

__attribute__((destructor)) static void report(void) {
    if (getenv("MALLOC_COUNT_REPORT") != NULL)
        fprintf(stderr, "malloc-count: %llu allocations in process\n", (unsigned long long)ccsim_malloc_count());
}
