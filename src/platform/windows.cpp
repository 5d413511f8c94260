// The platform layer on Windows: platform.hpp. Built by MinGW-w64
// (cmake/mingw-w64-x86_64.cmake); tested under Wine (windows/wine-test.sh).
#include <windows.h>
#include <process.h>
#include <shellapi.h>

#include <cstdlib>
#include <system_error>
#include <utility>

#include "platform.hpp"
#include "windows_text.hpp"

namespace matchday::platform {

const char* const k_path_separators = "/\\";

std::wstring widen(std::string_view s) {
  std::wstring out;
  if (s.empty()) return out;
  const int n = MultiByteToWideChar(CP_UTF8, 0, s.data(), static_cast<int>(s.size()), nullptr, 0);
  out.resize(static_cast<std::size_t>(n));
  MultiByteToWideChar(CP_UTF8, 0, s.data(), static_cast<int>(s.size()), out.data(), n);
  return out;
}

std::string narrow(std::wstring_view s) {
  std::string out;
  if (s.empty()) return out;
  const int n = WideCharToMultiByte(CP_UTF8, 0, s.data(), static_cast<int>(s.size()), nullptr, 0, nullptr, nullptr);
  out.resize(static_cast<std::size_t>(n));
  WideCharToMultiByte(CP_UTF8, 0, s.data(), static_cast<int>(s.size()), out.data(), n, nullptr, nullptr);
  return out;
}

namespace {

constexpr UINT k_gb18030 = 54936;

// The length of the GB18030 sequence at bytes[i] (1, 2 or 4), or 0 when it is
// not one: a single byte 0x00-0x7F; a lead byte 0x81-0xFE then 0x40-0x7E or
// 0x80-0xFE; or 0x81-0xFE 0x30-0x39 0x81-0xFE 0x30-0x39.
std::size_t gb_sequence(std::string_view bytes, std::size_t i) {
  const auto at = [&](std::size_t k) { return static_cast<unsigned char>(bytes[k]); };
  const unsigned char b = at(i);
  if (b < 0x80) return 1;
  if (b == 0x80 || b == 0xFF || i + 1 >= bytes.size()) return 0;
  const unsigned char b2 = at(i + 1);
  if (b2 >= 0x30 && b2 <= 0x39) {
    if (i + 3 >= bytes.size()) return 0;
    const unsigned char b3 = at(i + 2), b4 = at(i + 3);
    return b3 >= 0x81 && b3 <= 0xFE && b4 >= 0x30 && b4 <= 0x39 ? 4 : 0;
  }
  return (b2 >= 0x40 && b2 <= 0x7E) || (b2 >= 0x80 && b2 <= 0xFE) ? 2 : 0;
}

// Appends a GB18030 four-byte sequence of the supplementary planes
// (0x90308130 up: U+10000 on, in order) as a surrogate pair; false otherwise.
bool gb_supplementary(std::string_view seq, std::wstring& out) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned>(static_cast<unsigned char>(seq[k])); };
  if (b(0) < 0x90) return false;
  const unsigned long index = (((b(0) - 0x90) * 10 + (b(1) - 0x30)) * 126 + (b(2) - 0x81)) * 10 + (b(3) - 0x30);
  const unsigned long cp = 0x10000 + index;
  if (cp > 0x10FFFF) return false;
  out += static_cast<wchar_t>(0xD800 + ((cp - 0x10000) >> 10));
  out += static_cast<wchar_t>(0xDC00 + ((cp - 0x10000) & 0x3FF));
  return true;
}

bool code_page_to_wide(UINT code_page, std::string_view bytes, std::wstring& out) {
  if (bytes.empty()) return true;
  const int n = MultiByteToWideChar(code_page, MB_ERR_INVALID_CHARS, bytes.data(), static_cast<int>(bytes.size()),
                                    nullptr, 0);
  if (n <= 0) return false;
  const std::size_t at = out.size();
  out.resize(at + static_cast<std::size_t>(n));
  return MultiByteToWideChar(code_page, MB_ERR_INVALID_CHARS, bytes.data(), static_cast<int>(bytes.size()),
                             out.data() + at, n) == n;
}

// Whole sequences to UTF-16 by code page 54936; false when Windows refuses
// one. Where 54936 is missing (Wine 8 has no table for it), code page 936
// (GBK: the one- and two-byte sequences) and the supplementary planes' rule;
// the four-byte sequences of the BMP (rare: some Latin letters, CJK
// extension A) are then refused.
bool gb_to_wide(std::string_view bytes, std::wstring& out) {
  out.clear();
  static const bool has_54936 = IsValidCodePage(k_gb18030) != 0;
  if (has_54936) return code_page_to_wide(k_gb18030, bytes, out);
  std::size_t run = 0;  // start of the current run of one- and two-byte sequences
  std::size_t i = 0;
  while (i < bytes.size()) {
    const std::size_t len = gb_sequence(bytes, i);
    if (len == 4) {
      if (!code_page_to_wide(936, bytes.substr(run, i - run), out) || !gb_supplementary(bytes.substr(i, 4), out)) {
        return false;
      }
      run = i + 4;
    }
    i += len == 0 ? 1 : len;
  }
  return code_page_to_wide(936, bytes.substr(run), out);
}

}  // namespace

bool gb18030_to_utf8(std::string_view bytes, std::string& out, std::size_t& error_offset) {
  out.clear();
  // In pieces of about 16 MB that end between characters (the API counts in int).
  constexpr std::size_t k_piece = std::size_t{1} << 24;
  std::wstring wide;
  std::size_t begin = 0;
  while (begin < bytes.size()) {
    std::size_t end = begin;
    while (end < bytes.size() && end - begin < k_piece) {
      const std::size_t len = gb_sequence(bytes, end);
      if (len == 0) break;
      end += len;
    }
    const bool bad_sequence = end < bytes.size() && end - begin < k_piece;
    if (!gb_to_wide(bytes.substr(begin, end - begin), wide)) {
      // A well-formed sequence Windows does not map: find it, one at a time.
      for (std::size_t i = begin; i < end; i += gb_sequence(bytes, i)) {
        if (!gb_to_wide(bytes.substr(i, gb_sequence(bytes, i)), wide)) {
          error_offset = i;
          out.clear();
          return false;
        }
      }
    }
    out += narrow(wide);
    if (bad_sequence) {
      error_offset = end;
      out.clear();
      return false;
    }
    begin = end;
  }
  return true;
}

struct PlacedThread::State {
  std::function<void()> body;
  HANDLE thread = nullptr;
};

namespace {

unsigned __stdcall run_start(void* arg) {
  static_cast<PlacedThread::State*>(arg)->body();
  return 0;
}

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

}  // namespace

PlacedThread::PlacedThread(std::function<void()> body, unsigned index) : m_state(std::make_unique<State>()) {
  m_state->body = std::move(body);
  // Created suspended, given its ideal processor (the index-th after this
  // thread's), then started: the scheduler starts it there when it can.
  const uintptr_t h = _beginthreadex(nullptr, 0, run_start, m_state.get(), CREATE_SUSPENDED, nullptr);
  if (h == 0) {
    m_state.reset();
    throw std::system_error(errno, std::generic_category(), "cannot start a thread");
  }
  m_state->thread = reinterpret_cast<HANDLE>(h);
  const DWORD count = GetActiveProcessorCount(ALL_PROCESSOR_GROUPS);
  if (index > 0 && count > 1 && count <= MAXIMUM_PROCESSORS) {
    const DWORD here = GetCurrentProcessorNumber();
    const DWORD cpu = (here + 1 + (index - 1) % (count - 1)) % count;
    SetThreadIdealProcessor(m_state->thread, cpu);
  }
  ResumeThread(m_state->thread);
}

PlacedThread::PlacedThread(PlacedThread&& other) noexcept : m_state(std::move(other.m_state)) {}

PlacedThread::~PlacedThread() {
  if (!m_state) return;
  WaitForSingleObject(m_state->thread, INFINITE);
  CloseHandle(m_state->thread);
}

std::vector<std::string> arguments(int argc, char** argv) {
  int n = 0;
  LPWSTR* wide = CommandLineToArgvW(GetCommandLineW(), &n);
  if (!wide) return std::vector<std::string>(argv, argv + argc);
  std::vector<std::string> out;
  for (int i = 0; i < n; ++i) out.push_back(narrow(wide[i]));
  LocalFree(wide);
  return out;
}

std::string user_language() {
  // Set by hand (or by an MSYS2 / Git Bash shell, or Wine's tests): as on Linux.
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    if (!env(name).empty()) return env(name);
  }
  return PRIMARYLANGID(GetUserDefaultUILanguage()) == LANG_CHINESE ? "zh_CN" : "C";
}

void prepare_console() {
  // Colours are virtual terminal sequences (Windows 10 and later); where the
  // console cannot take them, none are written.
  const HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE);
  DWORD mode = 0;
  if (GetConsoleMode(out, &mode) &&
      !SetConsoleMode(out, mode | ENABLE_PROCESSED_OUTPUT | ENABLE_VIRTUAL_TERMINAL_PROCESSING)) {
    _putenv("NO_COLOR=1");
  }
}

bool console_of_its_own() {
  DWORD ids[2];
  return GetConsoleProcessList(ids, 2) == 1;
}

void wait_for_key() {
  const HANDLE in = GetStdHandle(STD_INPUT_HANDLE);
  DWORD mode = 0;
  if (!GetConsoleMode(in, &mode)) return;  // not a console: nobody to press a key
  FlushConsoleInputBuffer(in);
  for (;;) {
    INPUT_RECORD record;
    DWORD got = 0;
    if (!ReadConsoleInputW(in, &record, 1, &got)) return;
    if (got == 1 && record.EventType == KEY_EVENT && record.Event.KeyEvent.bKeyDown) return;
  }
}

void* open_library(const char* name, std::string& error) {
  HMODULE h = LoadLibraryW(widen(name).c_str());
  if (!h) error = "cannot load " + std::string(name);
  return reinterpret_cast<void*>(h);
}

void* library_function(void* library, const char* name) {
  return reinterpret_cast<void*>(GetProcAddress(static_cast<HMODULE>(library), name));
}

}  // namespace matchday::platform
