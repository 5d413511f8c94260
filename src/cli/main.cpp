#include <cstdlib>  // (defines __GLIBC__ where it is glibc)
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "main.hpp"

int main(int argc, char** argv) {
#if defined(__GLIBC__)
  // glibc grows the heap of a thread other than the first by what each
  // allocation needs, one mprotect call at a time: 2,200 calls for the second
  // thread reading a league's results, each holding up the other thread's
  // page faults (mprotect takes the address space's lock). 32 MB at a time
  // instead, of address space: memory is only taken as it is touched.
  mallopt(M_TOP_PAD, 32 << 20);
#endif
  return matchday::cli::main(argc, argv);
}
