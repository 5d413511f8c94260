// Internal: running the parts of one computation on several threads.
#pragma once

#include <algorithm>
#include <cstddef>
#include <exception>
#include <functional>
#include <memory>
#include <vector>

#if defined(__linux__)
#include <pthread.h>
#else
#include <thread>
#endif

namespace matchday {

// A thread of run_in_parts, joined when destroyed. On Linux the index-th
// (from 1) starts on another processor than the creating thread's, the next
// one it may run on, and may then run anywhere it may: a new thread would
// otherwise share the creator's processor until the scheduler moves it, often
// some milliseconds later (3 to 8 ms, measured on the bench's VM), while the
// other processor waits.
class PartThread {
 public:
  PartThread(std::function<void()> body, unsigned index);
  PartThread(PartThread&& other) noexcept;
  PartThread(const PartThread&) = delete;
  PartThread& operator=(const PartThread&) = delete;
  PartThread& operator=(PartThread&&) = delete;
  ~PartThread();

  struct Start;  // what the new thread starts with

 private:
  std::unique_ptr<Start> m_start;  // null: moved from
#if defined(__linux__)
  pthread_t m_thread{};
#else
  std::thread m_thread;
#endif
};

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
