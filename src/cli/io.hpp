// File and stream I/O for the command line: the only place that touches disk.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

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

 private:
  void release();
  void* m_map = nullptr;
  std::size_t m_map_size = 0;
  std::string m_buffer;
  std::string_view m_view;
};

// Writes `content` to `path` atomically: a temporary file in the same
// directory, then rename, so a failed run never leaves a half-written file.
bool write_file_atomically(const std::string& path, std::string_view content, std::string& error);

// Writes all of `content` to file descriptor `fd`. Returns false on an error;
// `broken_pipe` is set when the reader went away (`| head`).
bool write_all(int fd, std::string_view content, bool& broken_pipe);

// True when `fd` is a terminal.
bool is_terminal(int fd);

}  // namespace matchday::cli
