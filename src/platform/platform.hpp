// Internal: what differs between Linux (posix.cpp) and Windows (windows.cpp).
//
// Each interface below has one implementation per system; CMake compiles
// posix.cpp or windows.cpp (and posix_files.cpp or windows_files.cpp, which
// implement the file and stream interface of src/cli/io.hpp). Nothing else in
// the library or the command line tests which system it runs on.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace matchday::platform {

// ---- Code pages -----------------------------------------------------------
// GB18030 (a superset of GBK and GB2312) bytes to UTF-8: glibc's iconv on
// Linux, code page 54936 on Windows. On failure returns false with
// `error_offset` the offset of the first byte that is not GB18030.
bool gb18030_to_utf8(std::string_view bytes, std::string& out, std::size_t& error_offset);

// ---- Threads --------------------------------------------------------------
// A thread running `body`, joined when destroyed. The index-th (from 1)
// starts on another processor than the creating thread's, the next one it
// may run on, and may then run anywhere it may: a new thread would otherwise
// share the creator's processor until the scheduler moves it, often some
// milliseconds later (3 to 8 ms, measured on the bench's VM), while the other
// processor waits. Linux: the new thread's affinity, then widened again;
// Windows: its ideal processor. Throws std::system_error when no thread can
// be started.
class PlacedThread {
 public:
  PlacedThread(std::function<void()> body, unsigned index);
  PlacedThread(PlacedThread&& other) noexcept;
  PlacedThread(const PlacedThread&) = delete;
  PlacedThread& operator=(const PlacedThread&) = delete;
  PlacedThread& operator=(PlacedThread&&) = delete;
  ~PlacedThread();

  struct State;  // the system's thread and what it starts with

 private:
  std::unique_ptr<State> m_state;  // null: moved from
};

// ---- The process ------------------------------------------------------------
// The command line as UTF-8: argv on Linux; on Windows the wide command line
// (GetCommandLineW), whatever the system's code page.
std::vector<std::string> arguments(int argc, char** argv);

// The language the user asked for, as a locale name ("zh_CN.UTF-8", "C"):
// LC_ALL, LC_MESSAGES or LANG; on Windows, when none of them is set, "zh_CN"
// when the user's UI language (GetUserDefaultUILanguage) is Chinese.
std::string user_language();

// The characters that separate a path's folders ("/"; Windows: "/\\").
extern const char* const k_path_separators;

// Once at start-up, before anything is written: makes the console (if any)
// ready for UTF-8 output and colour (Windows 10: virtual terminal sequences).
void prepare_console();

// True when the program runs alone in a console of its own: started from
// Explorer (a double-click, files dropped on it), not from a shell. Always
// false on Linux.
bool console_of_its_own();
// Waits for a key in that console (a no-op elsewhere).
void wait_for_key();

// ---- Libraries --------------------------------------------------------------
// A shared library opened at run time (dlopen / LoadLibraryW), and one of its
// functions; nullptr with `error` set when it cannot be.
void* open_library(const char* name, std::string& error);
void* library_function(void* library, const char* name);

}  // namespace matchday::platform
