// The file and stream interface of src/cli/io.hpp on Windows: wide paths,
// file mapping, a temporary file replaced by MoveFileExW, Ctrl+C through
// SetConsoleCtrlHandler, WriteConsoleW for the console. posix_files.cpp is the other.
#include <windows.h>
#include <io.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include "io.hpp"
#include "windows_text.hpp"

namespace matchday::cli {
namespace {

using platform::narrow;
using platform::widen;

// The temporary -o file being written, for the Ctrl+C handler to remove;
// g_lock makes creating and registering it, or renaming it and forgetting
// it, one step for the handler (which runs on a thread of its own).
SRWLOCK g_lock = SRWLOCK_INIT;
wchar_t g_temp_path[32768];
bool g_temp_active = false;
std::string g_interrupt_message = "matchday: interrupted\n";
std::string g_locked_message = "the file is open in another program: close it there and run again";

class TempLock {
 public:
  TempLock() { AcquireSRWLockExclusive(&g_lock); }
  ~TempLock() { ReleaseSRWLockExclusive(&g_lock); }
  TempLock(const TempLock&) = delete;
  TempLock& operator=(const TempLock&) = delete;
};

HANDLE handle_of(int fd) {
  if (fd == k_stdout) return GetStdHandle(STD_OUTPUT_HANDLE);
  if (fd == k_stderr) return GetStdHandle(STD_ERROR_HANDLE);
  if (fd == 0) return GetStdHandle(STD_INPUT_HANDLE);
  return reinterpret_cast<HANDLE>(_get_osfhandle(fd));
}

bool is_console(HANDLE h) {
  DWORD mode = 0;
  return h != nullptr && h != INVALID_HANDLE_VALUE && GetConsoleMode(h, &mode) != 0;
}

// The reason for a failed call, worded as on Linux where Linux has a word for
// it (the golden outputs are the same), and a locked file said plainly.
std::string reason(DWORD code) {
  switch (code) {
    case ERROR_FILE_NOT_FOUND:
    case ERROR_PATH_NOT_FOUND:
    case ERROR_INVALID_NAME:
    case ERROR_BAD_NETPATH:
    case ERROR_INVALID_DRIVE:
      return "No such file or directory";
    case ERROR_ACCESS_DENIED: return "Permission denied";
    case ERROR_SHARING_VIOLATION:
    case ERROR_LOCK_VIOLATION: return g_locked_message;
    case ERROR_DISK_FULL:
    case ERROR_HANDLE_DISK_FULL: return "No space left on device";
    case ERROR_DIRECTORY: return "Not a directory";
    case ERROR_FILE_TOO_LARGE: return "File too large";
    default: break;
  }
  wchar_t* text = nullptr;
  const DWORD n = FormatMessageW(FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS,
                                 nullptr, code, 0, reinterpret_cast<wchar_t*>(&text), 0, nullptr);
  std::string out = n > 0 ? narrow(std::wstring_view(text, n)) : "error " + std::to_string(code);
  if (text) LocalFree(text);
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r' || out.back() == '.' || out.back() == ' ')) {
    out.pop_back();
  }
  return out;
}

void set_errno(DWORD code) {
  errno = code == ERROR_DISK_FULL || code == ERROR_HANDLE_DISK_FULL ? ENOSPC
          : code == ERROR_BROKEN_PIPE || code == ERROR_NO_DATA || code == ERROR_PIPE_NOT_CONNECTED ? EPIPE
                                                                   : EIO;
}

// Writes UTF-8 text to a console as UTF-16 (WriteConsoleW): Chinese shows
// whatever the console's code page. A character cut between two calls is
// kept for the next (one carry per stream).
bool write_console(HANDLE h, int fd, std::string_view content) {
  static std::string carry[3];
  std::string& rest = carry[fd == k_stderr ? 2 : 1];
  std::string text = rest + std::string(content);
  rest.clear();
  // Keep an incomplete UTF-8 sequence at the end for later.
  std::size_t cut = text.size();
  for (std::size_t back = 1; back <= 3 && back <= text.size(); ++back) {
    const auto c = static_cast<unsigned char>(text[text.size() - back]);
    if ((c & 0xC0) == 0x80) continue;  // a continuation byte: look further back
    const std::size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (need > back) cut = text.size() - back;
    break;
  }
  rest = text.substr(cut);
  std::wstring wide = widen(std::string_view(text).substr(0, cut));
  std::size_t done = 0;
  while (done < wide.size()) {
    DWORD written = 0;
    const DWORD n = static_cast<DWORD>(std::min<std::size_t>(wide.size() - done, 8192));
    if (!WriteConsoleW(h, wide.data() + done, n, &written, nullptr) || written == 0) return false;
    done += written;
  }
  return true;
}

BOOL WINAPI on_console_event(DWORD event) {
  if (event != CTRL_C_EVENT && event != CTRL_BREAK_EVENT && event != CTRL_CLOSE_EVENT) return FALSE;
  AcquireSRWLockExclusive(&g_lock);  // never released: the process ends here
  if (g_temp_active) DeleteFileW(g_temp_path);
  const HANDLE err = GetStdHandle(STD_ERROR_HANDLE);
  if (is_console(err)) {
    const std::wstring wide = widen(g_interrupt_message);
    DWORD written = 0;
    WriteConsoleW(err, wide.data(), static_cast<DWORD>(wide.size()), &written, nullptr);
  } else {
    DWORD written = 0;
    WriteFile(err, g_interrupt_message.data(), static_cast<DWORD>(g_interrupt_message.size()), &written, nullptr);
  }
  ExitProcess(2);  // k_exit_error
}

std::wstring folder_of(const std::wstring& path) {
  const std::size_t slash = path.find_last_of(L"/\\");
  if (slash != std::wstring::npos) return path.substr(0, slash + 1);
  if (path.size() >= 2 && path[1] == L':') return path.substr(0, 2);  // "C:name"
  return L"";
}

// Creates `path`'s temporary file (`.NAME.XXXXXX` beside it) and registers
// it for the Ctrl+C handler; returns its handle (INVALID_HANDLE_VALUE and
// the reason in `error` on failure).
HANDLE make_temp(const std::string& path, std::wstring& tmp, std::string& error) {
  const std::wstring wide = widen(path);
  const std::wstring folder = folder_of(wide);
  const std::wstring base = wide.substr(folder.size());
  static unsigned counter = 0;
  for (int attempt = 0; attempt < 100; ++attempt) {
    const unsigned long long salt =
        (static_cast<unsigned long long>(GetCurrentProcessId()) << 20) ^ GetTickCount64() ^ (++counter * 7919u);
    wchar_t suffix[7];
    const wchar_t* digits = L"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    unsigned long long v = salt * 0x9E3779B97F4A7C15ull;
    for (int i = 0; i < 6; ++i, v /= 62) suffix[i] = digits[v % 62];
    suffix[6] = 0;
    tmp = folder + L"." + base + L"." + suffix;
    TempLock lock;
    const HANDLE h = CreateFileW(tmp.c_str(), GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                                 nullptr, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, nullptr);
    if (h == INVALID_HANDLE_VALUE) {
      const DWORD code = GetLastError();
      if (code == ERROR_FILE_EXISTS || code == ERROR_ALREADY_EXISTS) continue;
      error = reason(code);
      return h;
    }
    if (tmp.size() < sizeof g_temp_path / sizeof g_temp_path[0]) {
      std::copy(tmp.begin(), tmp.end(), g_temp_path);
      g_temp_path[tmp.size()] = 0;
      g_temp_active = true;
    }
    return h;
  }
  error = reason(ERROR_FILE_EXISTS);
  return INVALID_HANDLE_VALUE;
}

// True when `path` is open elsewhere in a way that keeps it from being replaced.
bool is_locked(const std::wstring& path) {
  const HANDLE h = CreateFileW(path.c_str(), GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, nullptr,
                               OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr);
  if (h != INVALID_HANDLE_VALUE) {
    CloseHandle(h);
    return false;
  }
  return GetLastError() == ERROR_SHARING_VIOLATION || GetLastError() == ERROR_LOCK_VIOLATION;
}

// Replaces `path` by the temporary file (`keep`) or removes it, and forgets it.
bool finish_temp(const std::wstring& tmp, const std::string& path, bool keep, std::string& error) {
  TempLock lock;
  bool ok = keep;
  if (keep) {
    const std::wstring target = widen(path);
    // A file open in Excel cannot be replaced for a moment after it is
    // closed, nor while a virus scanner reads it: a few tries.
    for (int attempt = 0;; ++attempt) {
      if (MoveFileExW(tmp.c_str(), target.c_str(), MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)) break;
      const DWORD code = GetLastError();
      if (attempt < 3 && (code == ERROR_ACCESS_DENIED || code == ERROR_SHARING_VIOLATION)) {
        Sleep(50);
        continue;
      }
      error = code == ERROR_ACCESS_DENIED && is_locked(target) ? g_locked_message : reason(code);
      ok = false;
      break;
    }
  }
  if (!ok) DeleteFileW(tmp.c_str());
  g_temp_active = false;
  return ok;
}

// An existing -o that is not a file on a disk (NUL, CON, a pipe, a folder)
// is written in place: it cannot be replaced by a file.
bool is_special(const std::string& path) {
  const std::wstring wide = widen(path);
  const HANDLE h = CreateFileW(wide.c_str(), 0, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                               OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, nullptr);
  if (h == INVALID_HANDLE_VALUE) return false;
  BY_HANDLE_FILE_INFORMATION info{};
  const bool disk = GetFileType(h) == FILE_TYPE_DISK;
  const bool folder = GetFileInformationByHandle(h, &info) && (info.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY);
  CloseHandle(h);
  return !disk || folder;
}

bool write_handle(HANDLE h, std::string_view content, DWORD& code) {
  while (!content.empty()) {
    DWORD written = 0;
    const DWORD n = static_cast<DWORD>(std::min<std::size_t>(content.size(), 1u << 30));
    if (!WriteFile(h, content.data(), n, &written, nullptr)) {
      code = GetLastError();
      return false;
    }
    content.remove_prefix(written);
  }
  return true;
}

bool write_in_place(const std::string& path, std::string_view content, std::string& error) {
  const std::wstring wide = widen(path);
  const DWORD attributes = GetFileAttributesW(wide.c_str());
  if (attributes != INVALID_FILE_ATTRIBUTES && (attributes & FILE_ATTRIBUTE_DIRECTORY)) {
    error = "Is a directory";
    return false;
  }
  const HANDLE h = CreateFileW(wide.c_str(), GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, nullptr,
                               OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr);
  if (h == INVALID_HANDLE_VALUE) {
    error = reason(GetLastError());
    return false;
  }
  DWORD code = 0;
  const bool ok = write_handle(h, content, code);
  CloseHandle(h);
  if (!ok) error = reason(code);
  return ok;
}

}  // namespace

void install_signal_handlers() { SetConsoleCtrlHandler(on_console_event, TRUE); }

void set_interrupt_message(std::string_view message) {
  TempLock lock;
  g_interrupt_message = std::string(message) + "\n";
}

void set_locked_message(std::string_view message) { g_locked_message = std::string(message); }

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
  if (m_map) UnmapViewOfFile(m_map);
  m_map = nullptr;
  m_map_size = 0;
  m_buffer.clear();
  m_view = {};
}

// Windows takes back the pages of a mapped file that is read once by itself.
void InputFile::drop(std::size_t, std::size_t) const {}

bool InputFile::open(const std::string& path, std::string& error) {
  release();
  const bool is_stdin = path == "-";
  HANDLE h = GetStdHandle(STD_INPUT_HANDLE);
  if (!is_stdin) {
    const std::wstring wide = widen(path);
    const DWORD attributes = GetFileAttributesW(wide.c_str());
    if (attributes != INVALID_FILE_ATTRIBUTES && (attributes & FILE_ATTRIBUTE_DIRECTORY)) {
      error = "Is a directory";
      return false;
    }
    // Others may go on reading and writing it (FILE_SHARE_*); a file that
    // Excel holds open without sharing is a sharing violation: reason().
    h = CreateFileW(wide.c_str(), GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                    OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL | FILE_FLAG_SEQUENTIAL_SCAN, nullptr);
    if (h == INVALID_HANDLE_VALUE) {
      error = reason(GetLastError());
      return false;
    }
  }
  LARGE_INTEGER size{};
  const bool disk = h != nullptr && h != INVALID_HANDLE_VALUE && GetFileType(h) == FILE_TYPE_DISK &&
                    GetFileSizeEx(h, &size) && size.QuadPart > 0;
  // A large file is mapped; a small one (a roster) is read.
  constexpr LONGLONG k_map_from = LONGLONG{1} << 20;
  if (!is_stdin && disk && size.QuadPart >= k_map_from) {
    const HANDLE mapping = CreateFileMappingW(h, nullptr, PAGE_READONLY, 0, 0, nullptr);
    void* p = mapping ? MapViewOfFile(mapping, FILE_MAP_READ, 0, 0, 0) : nullptr;
    if (mapping) CloseHandle(mapping);
    if (p) {
      CloseHandle(h);
      m_map = p;
      m_map_size = static_cast<std::size_t>(size.QuadPart);
      m_view = std::string_view(static_cast<const char*>(p), m_map_size);
      return true;
    }
  }
  if (disk) m_buffer.reserve(static_cast<std::size_t>(size.QuadPart));
  std::string chunk(65536, '\0');
  for (;;) {
    DWORD got = 0;
    if (!ReadFile(h, chunk.data(), static_cast<DWORD>(chunk.size()), &got, nullptr)) {
      const DWORD code = GetLastError();
      if (code == ERROR_BROKEN_PIPE || code == ERROR_HANDLE_EOF) break;  // the writer is done
      error = reason(code);
      if (!is_stdin) CloseHandle(h);
      m_buffer.clear();
      return false;
    }
    if (got == 0) break;
    m_buffer.append(chunk.data(), got);
  }
  if (!is_stdin) CloseHandle(h);
  m_view = m_buffer;
  return true;
}

bool write_all(int fd, std::string_view content, bool& broken_pipe) {
  broken_pipe = false;
  const HANDLE h = handle_of(fd);
  if (content.empty()) return true;
  if (is_console(h)) {
    if (write_console(h, fd, content)) return true;
    set_errno(GetLastError());
    return false;
  }
  DWORD code = 0;
  if (write_handle(h, content, code)) return true;
  // The reader went away (`| head`): Windows says "no data", Wine "not connected".
  broken_pipe = code == ERROR_BROKEN_PIPE || code == ERROR_NO_DATA || code == ERROR_PIPE_NOT_CONNECTED;
  set_errno(code);
  return false;
}

bool write_file_atomically(const std::string& path, std::string_view content, std::string& error,
                           const std::function<void()>& before_rename) {
  if (is_special(path)) return write_in_place(path, content, error);
  std::wstring tmp;
  const HANDLE h = make_temp(path, tmp, error);
  if (h == INVALID_HANDLE_VALUE) return false;
  DWORD code = 0;
  bool ok = write_handle(h, content, code) && FlushFileBuffers(h);
  if (ok) code = 0; else if (code == 0) code = GetLastError();
  if (!CloseHandle(h) && ok) {
    ok = false;
    code = GetLastError();
  }
  if (!ok) {
    error = reason(code);
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
  std::wstring tmp;
  const HANDLE h = make_temp(path, tmp, error);
  if (h == INVALID_HANDLE_VALUE) return false;
  CloseHandle(h);
  std::string ignored;
  if (!write(narrow(tmp), error)) {
    finish_temp(tmp, path, false, ignored);
    return false;
  }
  if (is_special(path)) {
    // Not a file on a disk: copy the finished file into it, then drop the copy.
    InputFile written;
    const bool ok = written.open(narrow(tmp), error) && write_in_place(path, written.bytes(), error);
    finish_temp(tmp, path, false, ignored);
    return ok;
  }
  // The writer closed the file without flushing it: do that before the rename.
  const HANDLE synced = CreateFileW(tmp.c_str(), GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, nullptr,
                                    OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr);
  if (synced != INVALID_HANDLE_VALUE) {
    FlushFileBuffers(synced);
    CloseHandle(synced);
  }
  return finish_temp(tmp, path, true, error);
}

bool is_terminal(int fd) { return is_console(handle_of(fd)); }

bool is_directory(const std::string& path) {
  if (path == "-") return false;
  const DWORD attributes = GetFileAttributesW(widen(path).c_str());
  return attributes != INVALID_FILE_ATTRIBUTES && (attributes & FILE_ATTRIBUTE_DIRECTORY);
}

std::size_t file_bytes(const std::string& path) {
  WIN32_FILE_ATTRIBUTE_DATA data{};
  if (path == "-" || !GetFileAttributesExW(widen(path).c_str(), GetFileExInfoStandard, &data) ||
      (data.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY)) {
    return 0;
  }
  return (static_cast<std::size_t>(data.nFileSizeHigh) << 32) | data.nFileSizeLow;
}

}  // namespace matchday::cli
