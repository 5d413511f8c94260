#include "parallel.hpp"

#include <system_error>
#include <utility>

#if defined(__linux__)
#include <pthread.h>
#include <sched.h>
#endif

namespace matchday {

struct PartThread::Start {
  std::function<void()> body;
#if defined(__linux__)
  cpu_set_t allowed{};  // the creating thread's processors, the new thread's once it runs
  bool pinned = false;
#endif
};

#if defined(__linux__)
namespace {

void* run_start(void* arg) {
  auto* start = static_cast<PartThread::Start*>(arg);
  if (start->pinned) sched_setaffinity(0, sizeof start->allowed, &start->allowed);
  start->body();
  return nullptr;
}

// The index-th (from 1) of the processors in `allowed` after the one this
// thread runs on, round the others; -1 when there is no other.
int other_processor(const cpu_set_t& allowed, unsigned index) {
  const int here = sched_getcpu();
  const int others = CPU_COUNT(&allowed) - (here >= 0 && CPU_ISSET(here, &allowed) ? 1 : 0);
  if (here < 0 || others < 1) return -1;
  const int want = static_cast<int>((index - 1) % static_cast<unsigned>(others)) + 1;
  for (int step = 1, seen = 0; step < CPU_SETSIZE; ++step) {
    const int cpu = (here + step) % CPU_SETSIZE;
    if (CPU_ISSET(cpu, &allowed) && ++seen == want) return cpu;
  }
  return -1;
}

}  // namespace
#endif

PartThread::PartThread(std::function<void()> body, unsigned index) : m_start(std::make_unique<Start>()) {
  m_start->body = std::move(body);
#if defined(__linux__)
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  if (index > 0 && sched_getaffinity(0, sizeof m_start->allowed, &m_start->allowed) == 0) {
    if (const int cpu = other_processor(m_start->allowed, index); cpu >= 0) {
      cpu_set_t one;
      CPU_ZERO(&one);
      CPU_SET(cpu, &one);
      m_start->pinned = pthread_attr_setaffinity_np(&attr, sizeof one, &one) == 0;
    }
  }
  const int rc = pthread_create(&m_thread, &attr, run_start, m_start.get());
  pthread_attr_destroy(&attr);
  if (rc != 0) {
    m_start.reset();
    throw std::system_error(rc, std::generic_category(), "cannot start a thread");
  }
#else
  (void)index;
  m_thread = std::thread(m_start->body);
#endif
}

PartThread::PartThread(PartThread&& other) noexcept
    : m_start(std::move(other.m_start)), m_thread(std::exchange(other.m_thread, {})) {}

PartThread::~PartThread() {
  if (!m_start) return;
#if defined(__linux__)
  pthread_join(m_thread, nullptr);
#else
  m_thread.join();
#endif
}

}  // namespace matchday
