// The file and stream interface of src/cli/io.hpp on Linux (and other POSIX
// systems): mmap, mkstemp + rename, signals. windows_files.cpp is the other.
#include "io.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <utility>

namespace matchday::cli {
namespace {

// The temporary -o file being written, for the signal handler to remove.
char g_temp_path[4096];
volatile std::sig_atomic_t g_temp_active = 0;
// What the handler prints; set_interrupt_message puts it in the user's language.
char g_interrupt_message[1024] = "matchday: interrupted\n";
std::size_t g_interrupt_length = std::strlen(g_interrupt_message);

constexpr int k_handled_signals[] = {SIGINT, SIGTERM, SIGHUP};

extern "C" void on_terminating_signal(int) {
  if (g_temp_active) ::unlink(g_temp_path);
  const ssize_t n = ::write(STDERR_FILENO, g_interrupt_message, g_interrupt_length);
  (void)n;
  ::_exit(2);  // k_exit_error
}

// Holds off the handled signals while it lives, so that creating and
// registering the temporary file, or renaming it and forgetting it, happen
// as one step for the handler.
class SignalBlock {
 public:
  SignalBlock() {
    sigset_t set;
    sigemptyset(&set);
    for (int sig : k_handled_signals) sigaddset(&set, sig);
    sigprocmask(SIG_BLOCK, &set, &m_old);
  }
  ~SignalBlock() { sigprocmask(SIG_SETMASK, &m_old, nullptr); }
  SignalBlock(const SignalBlock&) = delete;
  SignalBlock& operator=(const SignalBlock&) = delete;

 private:
  sigset_t m_old;
};

// Creates `path`'s temporary file (`.NAME.XXXXXX` beside it, mode 0600 until
// fixed) and registers it for the signal handler; returns its descriptor.
int make_temp(const std::string& path, std::string& tmp) {
  const std::size_t slash = path.rfind('/');
  const std::size_t base = slash == std::string::npos ? 0 : slash + 1;
  tmp = path.substr(0, base) + "." + path.substr(base) + ".XXXXXX";
  SignalBlock block;
  const int fd = mkstemp(tmp.data());
  if (fd >= 0 && tmp.size() < sizeof g_temp_path) {
    std::memcpy(g_temp_path, tmp.c_str(), tmp.size() + 1);
    g_temp_active = 1;
  }
  return fd;
}

// Renames the temporary file to `path` (`keep`) or removes it, and forgets it.
bool finish_temp(const std::string& tmp, const std::string& path, bool keep, std::string& error) {
  SignalBlock block;
  bool ok = keep;
  if (keep && std::rename(tmp.c_str(), path.c_str()) != 0) {
    error = std::strerror(errno);
    ok = false;
  }
  if (!ok) ::unlink(tmp.c_str());
  g_temp_active = 0;
  return ok;
}

// An existing -o that is not a regular file (/dev/stdout, /dev/full, a FIFO,
// a directory) is written in place: a rename would replace the device node.
bool is_special(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode);
}

bool write_in_place(const std::string& path, std::string_view content, std::string& error) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) {
    error = std::strerror(errno);
    return false;
  }
  bool broken = false;
  bool ok = write_all(fd, content, broken);
  int saved = errno;
  if (::close(fd) != 0 && ok) {
    ok = false;
    saved = errno;
  }
  if (!ok) error = std::strerror(saved);
  return ok;
}

}  // namespace

void install_signal_handlers() {
  for (int sig : k_handled_signals) {
    struct sigaction old {};
    sigaction(sig, nullptr, &old);
    if (old.sa_handler == SIG_IGN) continue;  // ignored by whoever started us (nohup, `&`): stay so
    struct sigaction sa {};
    sa.sa_handler = on_terminating_signal;
    sigemptyset(&sa.sa_mask);
    for (int other : k_handled_signals) sigaddset(&sa.sa_mask, other);
    sigaction(sig, &sa, nullptr);
  }
  // A file-size limit (ulimit -f) makes write() fail with EFBIG, reported like
  // a full disk, instead of killing the process with the temporary file left.
  std::signal(SIGXFSZ, SIG_IGN);
}

void set_interrupt_message(std::string_view message) {
  SignalBlock block;
  const std::size_t n = std::min(message.size(), sizeof g_interrupt_message - 2);
  std::memcpy(g_interrupt_message, message.data(), n);
  g_interrupt_message[n] = '\n';
  g_interrupt_length = n + 1;
}

void set_locked_message(std::string_view) {}

InputFile::InputFile(InputFile&& other) noexcept { *this = std::move(other); }

InputFile& InputFile::operator=(InputFile&& other) noexcept {
  if (this != &other) {
    release();
    m_map = std::exchange(other.m_map, nullptr);
    m_map_size = std::exchange(other.m_map_size, 0);
    const bool in_buffer = other.m_view.data() == other.m_buffer.data();
    m_buffer = std::move(other.m_buffer);
    m_view = in_buffer ? std::string_view(m_buffer) : other.m_view;
    other.m_view = {};
  }
  return *this;
}

InputFile::~InputFile() { release(); }

void InputFile::release() {
  if (m_map) munmap(m_map, m_map_size);
  m_map = nullptr;
  m_map_size = 0;
  m_buffer.clear();
  m_view = {};
}

void InputFile::drop(std::size_t begin, std::size_t end) const {
  if (!m_map) return;
  const auto page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
  const std::size_t first = (begin + page - 1) / page * page;
  const std::size_t last = std::min(end, m_map_size) / page * page;
  if (last > first) madvise(static_cast<char*>(m_map) + first, last - first, MADV_DONTNEED);
}

bool InputFile::open(const std::string& path, std::string& error) {
  release();
  const bool is_stdin = path == "-";
  const int fd = is_stdin ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = std::strerror(errno);
    return false;
  }
  struct stat st {};
  if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    if (!is_stdin) ::close(fd);
    error = std::strerror(EISDIR);
    return false;
  }
  // A large regular file is mapped; a small one (a roster) is read: a copy
  // from the page cache costs less than mapping it, its page faults and the
  // other thread's TLB flush when it is unmapped.
  constexpr off_t k_map_from = off_t{1} << 20;
  if (!is_stdin && S_ISREG(st.st_mode) && st.st_size > 0 && st.st_size < k_map_from) {
    m_buffer.resize(static_cast<std::size_t>(st.st_size));
    std::size_t got = 0;
    while (got < m_buffer.size()) {
      const ssize_t n = ::read(fd, m_buffer.data() + got, m_buffer.size() - got);
      if (n == 0) break;  // shorter than it was: keep what there is
      if (n < 0) {
        if (errno == EINTR) continue;
        error = std::strerror(errno);
        ::close(fd);
        m_buffer.clear();
        return false;
      }
      got += static_cast<std::size_t>(n);
    }
    m_buffer.resize(got);
    // Grown since fstat: the rest, as from a pipe.
  } else if (!is_stdin && S_ISREG(st.st_mode) && st.st_size > 0) {
    void* p = mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    if (p != MAP_FAILED) {
      ::close(fd);
      m_map = p;
      m_map_size = static_cast<std::size_t>(st.st_size);
      m_view = std::string_view(static_cast<const char*>(p), m_map_size);
      return true;
    }
  }
  char chunk[65536];
  for (;;) {
    const ssize_t n = ::read(fd, chunk, sizeof chunk);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      error = std::strerror(errno);
      if (!is_stdin) ::close(fd);
      return false;
    }
    m_buffer.append(chunk, static_cast<std::size_t>(n));
  }
  if (!is_stdin) ::close(fd);
  m_view = m_buffer;
  return true;
}

bool write_all(int fd, std::string_view content, bool& broken_pipe) {
  broken_pipe = false;
  while (!content.empty()) {
    const ssize_t n = ::write(fd, content.data(), content.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      broken_pipe = errno == EPIPE;
      return false;
    }
    content.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

bool write_file_atomically(const std::string& path, std::string_view content, std::string& error,
                           const std::function<void()>& before_rename) {
  if (is_special(path)) return write_in_place(path, content, error);
  std::string tmp;
  const int fd = make_temp(path, tmp);
  if (fd < 0) {
    error = std::strerror(errno);
    return false;
  }
  bool broken = false;
  const bool ok = write_all(fd, content, broken) && ::fsync(fd) == 0;
  const int saved = errno;
  // mkstemp makes the file 0600; give it the usual permissions.
  const mode_t mask = umask(0);
  umask(mask);
  fchmod(fd, 0666 & ~mask);
  if (::close(fd) != 0 || !ok) {
    error = std::strerror(ok ? errno : saved);
    std::string ignored;
    finish_temp(tmp, path, false, ignored);
    return false;
  }
  if (before_rename) before_rename();
  return finish_temp(tmp, path, true, error);
}

bool write_file_atomically_with(const std::string& path,
                                const std::function<bool(const std::string& tmp, std::string& error)>& write,
                                std::string& error) {
  std::string tmp;
  const int fd = make_temp(path, tmp);
  if (fd < 0) {
    error = std::strerror(errno);
    return false;
  }
  std::string ignored;
  // mkstemp makes the file 0600; give it the usual permissions.
  const mode_t mask = umask(0);
  umask(mask);
  fchmod(fd, 0666 & ~mask);
  ::close(fd);
  if (!write(tmp, error)) {
    finish_temp(tmp, path, false, ignored);
    return false;
  }
  if (is_special(path)) {
    // Not a regular file: copy the finished file into it, then drop the copy.
    InputFile written;
    const bool ok = written.open(tmp, error) && write_in_place(path, written.bytes(), error);
    finish_temp(tmp, path, false, ignored);
    return ok;
  }
  // The writer closed the file without syncing it: do that before the rename.
  const int synced = ::open(tmp.c_str(), O_RDONLY | O_CLOEXEC);
  if (synced >= 0) {
    ::fsync(synced);
    ::close(synced);
  }
  return finish_temp(tmp, path, true, error);
}

bool is_terminal(int fd) { return ::isatty(fd) == 1; }

bool is_directory(const std::string& path) {
  struct stat st {};
  return path != "-" && ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

std::size_t file_bytes(const std::string& path) {
  struct stat st {};
  if (path == "-" || ::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return 0;
  return static_cast<std::size_t>(st.st_size);
}

}  // namespace matchday::cli
