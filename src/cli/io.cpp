#include "io.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace matchday::cli {

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
  if (!is_stdin && S_ISREG(st.st_mode) && st.st_size > 0) {
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

bool write_file_atomically(const std::string& path, std::string_view content, std::string& error) {
  const std::size_t slash = path.rfind('/');
  const std::string dir = slash == std::string::npos ? "." : path.substr(0, slash + 1);
  const std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  std::string tmp = (slash == std::string::npos ? "" : dir) + "." + base + ".XXXXXX";
  const int fd = mkstemp(tmp.data());
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
    ::unlink(tmp.c_str());
    return false;
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    error = std::strerror(errno);
    ::unlink(tmp.c_str());
    return false;
  }
  return true;
}

bool is_terminal(int fd) { return ::isatty(fd) == 1; }

}  // namespace matchday::cli
