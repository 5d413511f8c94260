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

// Standard output: what a run streams (emit_pieces), then what it collected.
class StdoutSink final : public OutputSink {
 public:
  bool write(std::string_view text) override {
    if (m_failed) return false;
    if (!write_all(STDOUT_FILENO, text, m_broken_pipe)) {
      m_failed = true;
      m_errno = errno;
    }
    return !m_failed;
  }
  bool failed() const { return m_failed; }
  bool broken_pipe() const { return m_broken_pipe; }
  int error() const { return m_errno; }

 private:
  bool m_failed = false;
  bool m_broken_pipe = false;
  int m_errno = 0;
};

}  // namespace

int main(int argc, char** argv) {
  Output io;
  io.stdout_is_terminal = is_terminal(STDOUT_FILENO);
  io.no_colour = std::getenv("NO_COLOR") != nullptr || env("TERM") == "dumb";
  io.env_lang = !env("LC_ALL").empty() ? env("LC_ALL") : !env("LC_MESSAGES").empty() ? env("LC_MESSAGES") : env("LANG");
  io.lang = io.env_lang.starts_with("zh") ? Lang::zh : Lang::en;
  StdoutSink out;
  io.stream = &out;
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
  if (!out.write(io.out)) {
    // A reader that went away (`| head`) ends the run quietly; a full disk
    // (`> /dev/full`) says so.
    if (out.broken_pipe()) return code;
    const std::vector<std::string> args{std::strerror(out.error())};
    write_all(STDERR_FILENO, "matchday: " + substitute(message_template("cannot_write_stdout", io.lang), args) + "\n",
              broken);
    return k_exit_error;
  }
  return code;
}

}  // namespace matchday::cli
