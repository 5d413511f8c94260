// The platform layer on Linux (and other POSIX systems): platform.hpp.
#include <dlfcn.h>
#include <iconv.h>
#include <pthread.h>
#include <sched.h>

#include <cerrno>
#include <cstdlib>
#include <system_error>
#include <utility>

#include "platform.hpp"

namespace matchday::platform {

const char* const k_path_separators = "/";

bool gb18030_to_utf8(std::string_view bytes, std::string& out, std::size_t& error_offset) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    error_offset = 0;
    return false;
  }
  out.resize(bytes.size() * 2 + 16);  // GB18030 -> UTF-8 grows by at most 2x
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  char* dst = out.data();
  std::size_t dst_left = out.size();
  while (in_left > 0) {
    if (iconv(cd, &in, &in_left, &dst, &dst_left) == static_cast<std::size_t>(-1)) {
      if (errno == E2BIG) {
        const std::size_t used = out.size() - dst_left;
        out.resize(out.size() * 2);
        dst = out.data() + used;
        dst_left = out.size() - used;
        continue;
      }
      error_offset = static_cast<std::size_t>(in - bytes.data());
      iconv_close(cd);
      out.clear();
      return false;
    }
  }
  iconv_close(cd);
  out.resize(out.size() - dst_left);
  return true;
}

struct PlacedThread::State {
  std::function<void()> body;
  cpu_set_t allowed{};  // the creating thread's processors, the new thread's once it runs
  bool pinned = false;
  pthread_t thread{};
};

namespace {

void* run_start(void* arg) {
  auto* start = static_cast<PlacedThread::State*>(arg);
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

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

}  // namespace

PlacedThread::PlacedThread(std::function<void()> body, unsigned index) : m_state(std::make_unique<State>()) {
  m_state->body = std::move(body);
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  if (index > 0 && sched_getaffinity(0, sizeof m_state->allowed, &m_state->allowed) == 0) {
    if (const int cpu = other_processor(m_state->allowed, index); cpu >= 0) {
      cpu_set_t one;
      CPU_ZERO(&one);
      CPU_SET(cpu, &one);
      m_state->pinned = pthread_attr_setaffinity_np(&attr, sizeof one, &one) == 0;
    }
  }
  const int rc = pthread_create(&m_state->thread, &attr, run_start, m_state.get());
  pthread_attr_destroy(&attr);
  if (rc != 0) {
    m_state.reset();
    throw std::system_error(rc, std::generic_category(), "cannot start a thread");
  }
}

PlacedThread::PlacedThread(PlacedThread&& other) noexcept : m_state(std::move(other.m_state)) {}

PlacedThread::~PlacedThread() {
  if (m_state) pthread_join(m_state->thread, nullptr);
}

std::vector<std::string> arguments(int argc, char** argv) { return std::vector<std::string>(argv, argv + argc); }

std::string user_language() {
  return !env("LC_ALL").empty() ? env("LC_ALL") : !env("LC_MESSAGES").empty() ? env("LC_MESSAGES") : env("LANG");
}

void prepare_console() {}

bool console_of_its_own() { return false; }

void wait_for_key() {}

void* open_library(const char* name, std::string& error) {
  void* handle = ::dlopen(name, RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char* why = ::dlerror();
    error = why ? why : "unknown error";
  }
  return handle;
}

void* library_function(void* library, const char* name) { return ::dlsym(library, name); }

}  // namespace matchday::platform
