// Internal to the CLI: items done in turn by two threads, put in place in order.
#pragma once

#include <atomic>
#include <cstddef>
#include <exception>
#include <thread>
#include <vector>

namespace matchday::cli {

// Does items [0, n) in turn on this thread and, when `two`, a helper thread
// too. An item this thread takes when every item before it is done is done
// in place, `in_place(k)`; any other is done `aside(k, thread)` (0 this
// thread, 1 the helper) and then, on this thread, in order, as soon as every
// item before it is done, put in place by `put(k)`. So what is built in
// place is built in order, and little is left to put in place at the end.
template <class InPlace, class Aside, class Put>
void in_turn(std::size_t n, bool two, InPlace in_place, Aside aside, Put put) {
  std::vector<std::atomic<bool>> aside_done(n);
  std::size_t done = 0;  // items [0, done) are in place
  const auto put_ready = [&] {
    for (; done < n && aside_done[done].load(std::memory_order_acquire); ++done) put(done);
  };
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  std::exception_ptr failure;  // of the helper thread, rethrown here
  std::thread helper;
  if (two) {
    helper = std::thread([&] {
      try {
        for (std::size_t k; !stop && (k = next.fetch_add(1)) < n;) {
          aside(k, 1U);
          aside_done[k].store(true, std::memory_order_release);
        }
      } catch (...) {
        failure = std::current_exception();
        stop = true;  // this thread stops too
      }
    });
  }
  try {
    for (std::size_t k; !stop && (k = next.fetch_add(1)) < n;) {
      put_ready();
      if (k == done) {
        in_place(k);
        ++done;
      } else {
        aside(k, 0U);
        aside_done[k].store(true, std::memory_order_release);
      }
    }
  } catch (...) {
    stop = true;
    if (helper.joinable()) helper.join();
    throw;
  }
  if (helper.joinable()) helper.join();
  if (failure) std::rethrow_exception(failure);
  put_ready();  // the last ones
}

}  // namespace matchday::cli
