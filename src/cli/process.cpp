#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <string>
#include <vector>

#include "app.hpp"
#include "main.hpp"

namespace matchday::cli {
namespace {

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

}  // namespace

int main(int argc, char** argv) {
  Output io;
  io.stdout_is_terminal = is_terminal(STDOUT_FILENO);
  io.no_colour = std::getenv("NO_COLOR") != nullptr || env("TERM") == "dumb";
  io.env_lang = !env("LC_ALL").empty() ? env("LC_ALL") : !env("LC_MESSAGES").empty() ? env("LC_MESSAGES") : env("LANG");
  io.lang = io.env_lang.starts_with("zh") ? Lang::zh : Lang::en;
  io.stream_fd = STDOUT_FILENO;
  install_signal_handlers();
  set_interrupt_message("matchday: " + std::string(message_template("interrupted", io.lang)));
  int code;
  try {
    code = run_cli(std::vector<std::string>(argv, argv + argc), io);
  } catch (const std::exception& e) {
    // Not expected (the core reports bad input as diagnostics): say so plainly.
    const bool zh = io.env_lang.starts_with("zh");
    io.err += std::string(zh ? "matchday: 内部错误: " : "matchday: internal error: ") + e.what() + "\n";
    code = k_exit_error;
  }
  bool broken = false;
  write_all(STDERR_FILENO, io.err, broken);
  if (io.stream_failed) {
    // Output written as it was made (emit_pieces) that could not all be.
    broken = io.stream_broken_pipe;
    errno = io.stream_errno;
  }
  if (io.stream_failed || !write_all(STDOUT_FILENO, io.out, broken)) {
    // A reader that went away (`| head`) ends the run quietly; a full disk
    // (`> /dev/full`) says so.
    if (broken) return code;
    const std::string error = std::strerror(errno);
    const std::vector<std::string> args{error};
    write_all(STDERR_FILENO, "matchday: " + substitute(message_template("cannot_write_stdout", io.lang), args) + "\n",
              broken);
    return k_exit_error;
  }
  return code;
}

}  // namespace matchday::cli
