// Internal: running the parts of one computation on several threads.
#pragma once

#include <algorithm>
#include <cstddef>
#include <exception>
#include <functional>
#include <memory>
#include <vector>

#include "platform.hpp"

namespace matchday {

// A thread of run_in_parts (platform.hpp: started on another processor than
// its creator's), joined when destroyed.
using PartThread = platform::PlacedThread;

// Runs work(part, from, to) for `parts` consecutive ranges that together are
// [0, n): the first on the calling thread, the others each on its own thread.
// Returns when all are done; an exception in any part is rethrown here (the
// first part's first). `work` must only write what its range owns.
template <class Work>
void run_in_parts(std::size_t n, unsigned parts, Work&& work) {
  if (parts < 1) parts = 1;
  const auto bound = [&](unsigned k) { return n / parts * k + std::min<std::size_t>(k, n % parts); };
  std::vector<std::exception_ptr> failures(parts);
  const auto run = [&](unsigned k) {
    try {
      work(k, bound(k), bound(k + 1));
    } catch (...) {
      failures[k] = std::current_exception();
    }
  };
  {
    // (Each thread has its own copy of `run`, and `run` outlives them all: a
    // thread may start after the calling thread has done its part.)
    std::vector<PartThread> threads;
    threads.reserve(parts - 1);
    for (unsigned k = 1; k < parts; ++k) threads.emplace_back([run, k] { run(k); }, k);
    run(0);
  }  // joined here
  for (const std::exception_ptr& f : failures) {
    if (f) std::rethrow_exception(f);
  }
}

}  // namespace matchday
