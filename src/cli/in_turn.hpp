// Internal to the CLI: items done in turn by two threads, put in place in order.
#pragma once

#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
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

// The blocks of a text made with in_turn that are written aside. A block is
// written into a string of the writing thread's own (not into a string of a
// shared vector: two threads appending to neighbouring strings would share a
// cache line at every append), and that string is one a block already put in
// place left behind when there is one, so that later blocks are written into
// memory in use, not into new pages (a million rows: issue 3).
class AsideText {
 public:
  explicit AsideText(std::size_t blocks) : m_aside(blocks) {}

  // Block b, written aside: `write(text)` appends it to an empty string with
  // `reserve` bytes of room. From either thread.
  template <class Write>
  void write(std::size_t b, std::size_t reserve, Write&& write) {
    std::string text;
    {
      const std::lock_guard lock(m_mutex);
      if (!m_spare.empty()) {
        text = std::move(m_spare.back());
        m_spare.pop_back();
      }
    }
    text.clear();
    text.reserve(reserve);
    write(text);
    m_aside[b] = std::move(text);
  }

  // Gives block b's text to `put` (on the thread that puts in place), then
  // keeps its string for a later block.
  template <class Put>
  void put(std::size_t b, Put&& put) {
    put(std::as_const(m_aside[b]));
    const std::lock_guard lock(m_mutex);
    m_spare.push_back(std::move(m_aside[b]));
    m_aside[b] = std::string();
  }

 private:
  std::vector<std::string> m_aside;  // per block
  std::vector<std::string> m_spare;
  std::mutex m_mutex;
};

}  // namespace matchday::cli
