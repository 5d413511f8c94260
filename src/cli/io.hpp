// File and stream I/O for the command line: the only place that touches disk.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace matchday::cli {

// The bytes of a file: mapped for regular files, read for pipes and stdin.
class InputFile {
 public:
  InputFile() = default;
  InputFile(InputFile&& other) noexcept;
  InputFile& operator=(InputFile&& other) noexcept;
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;
  ~InputFile();

  // Opens `path` ("-": standard input). On failure returns false and sets
  // `error` to the system's reason (e.g. "No such file or directory").
  bool open(const std::string& path, std::string& error);
  [[nodiscard]] std::string_view bytes() const { return m_view; }
  // Gives back the memory of the mapped pages wholly inside [begin, end) of
  // bytes(): the caller will not read them again (if it does, they are read
  // again from the page cache). Nothing for input that was read, not mapped.
  // Safe to call from several threads at once.
  void drop(std::size_t begin, std::size_t end) const;

 private:
  void release();
  void* m_map = nullptr;
  std::size_t m_map_size = 0;
  std::string m_buffer;
  std::string_view m_view;
};

// Writes `content` to `path` atomically: a temporary file in the same
// directory, then rename, so a failed run never leaves a half-written file
// (nor, after install_signal_handlers, an interrupted one). An existing `path`
// that is not a regular file (/dev/stdout, /dev/full, a FIFO) is written in
// place. `before_rename` runs between writing and renaming (tests).
bool write_file_atomically(const std::string& path, std::string_view content, std::string& error,
                           const std::function<void()>& before_rename = {});

// The same for a writer that needs a file name (libxlsxwriter): `write(tmp,
// error)` fills the temporary file `tmp`, in the same directory as `path`, and
// on success it is renamed to `path`; on failure it is removed.
bool write_file_atomically_with(const std::string& path,
                                const std::function<bool(const std::string& tmp, std::string& error)>& write,
                                std::string& error);

// Standard output and standard error, for write_all and is_terminal.
inline constexpr int k_stdout = 1;
inline constexpr int k_stderr = 2;

// Writes all of `content` to file descriptor `fd`. Returns false on an error;
// `broken_pipe` is set when the reader went away (`| head`).
bool write_all(int fd, std::string_view content, bool& broken_pipe);

// True when `fd` is a terminal.
bool is_terminal(int fd);

// The process's signal handling, set first by main(): SIGINT, SIGTERM and
// SIGHUP remove the temporary file of an -o being written, print the
// interrupt message and exit with status 2; a signal that was ignored when
// the process started stays ignored. SIGXFSZ is ignored, so a file-size limit
// is a write error (EFBIG), reported like a full disk.
void install_signal_handlers();
// The line the handler prints (without the newline), in the user's language.
void set_interrupt_message(std::string_view message);

// The reason given for a file that another program holds open so that it
// cannot be read or replaced (Windows: a sharing violation, as for a file open
// in Excel), in the user's language. Linux has no such locks.
void set_locked_message(std::string_view message);

// Whether `path` is a directory.
bool is_directory(const std::string& path);
// The size of the regular file `path` in bytes; 0 when it is not one or cannot be read.
std::size_t file_bytes(const std::string& path);

}  // namespace matchday::cli
