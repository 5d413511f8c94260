#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <string>
#include <vector>

#include "app.hpp"
#include "main.hpp"
#include "platform.hpp"

namespace matchday::cli {
namespace {

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

// Started from Explorer, in a console window of its own that closes when the
// program ends: with no arguments (a double-click), the help and how to run
// the program from a shell; with files dropped on standings or eligibility,
// the workbook written next to the first file. Either way the window waits
// for a key. MATCHDAY_AS_IF_EXPLORER=1 does the same from a shell (tests).
std::vector<std::string> explorer_arguments(const std::vector<std::string>& args, const Output& io,
                                            std::string& workbook) {
  const std::string name = called_name(args);
  std::vector<std::string> run{args.empty() ? std::string("matchday") : args[0]};
  if (args.size() <= 1) {
    run.push_back("--help");
    return run;
  }
  for (std::size_t i = 1; i < args.size(); ++i) {
    if (args[i].starts_with("-")) return args;  // options: a shortcut's command line, run as it is
  }
  if (name != "standings" && name != "eligibility") return args;
  const std::string& first = args[1];
  const std::size_t slash = first.find_last_of(platform::k_path_separators);
  const std::string folder = slash == std::string::npos ? "" : first.substr(0, slash + 1);
  workbook = folder + substitute(message_template(name == "standings" ? "explorer.workbook_standings" : "explorer.workbook_eligibility", io.lang), std::vector<std::string>{file_stem(first)});
  run.push_back("-o");
  run.push_back(workbook);
  run.insert(run.end(), args.begin() + 1, args.end());
  return run;
}

// Standard output: what a run streams (emit_pieces), then what it collected.
class StdoutSink final : public OutputSink {
 public:
  bool write(std::string_view text) override {
    if (m_failed) return false;
    if (!write_all(k_stdout, text, m_broken_pipe)) {
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
  platform::prepare_console();
  Output io;
  io.stdout_is_terminal = is_terminal(k_stdout);
  io.no_colour = std::getenv("NO_COLOR") != nullptr || env("TERM") == "dumb";
  io.env_lang = platform::user_language();
  io.lang = io.env_lang.starts_with("zh") ? Lang::zh : Lang::en;
  StdoutSink out;
  io.stream = &out;
  install_signal_handlers();
  set_interrupt_message("matchday: " + std::string(message_template("interrupted", io.lang)));
  set_locked_message(message_template("file_locked", io.lang));
  std::vector<std::string> args = platform::arguments(argc, argv);
  const bool explorer = platform::console_of_its_own() || env("MATCHDAY_AS_IF_EXPLORER") == "1";
  std::string workbook;
  if (explorer) args = explorer_arguments(args, io, workbook);
  int code;
  try {
    code = run_cli(args, io);
  } catch (const std::exception& e) {
    // Not expected (the core reports bad input as diagnostics): say so plainly.
    const bool zh = io.env_lang.starts_with("zh");
    io.err += std::string(zh ? "matchday: 内部错误: " : "matchday: internal error: ") + e.what() + "\n";
    code = k_exit_error;
  }
  if (explorer) {
    // What to do next, after the help or the run's messages, then a key.
    std::string& to = code == k_exit_error && workbook.empty() ? io.err : io.out;
    if (args.size() == 2 && args[1] == "--help") {
      to += "\n" + std::string(message_template("explorer.usage", io.lang)) + "\n";
    } else if (!workbook.empty()) {
      to += code == k_exit_error ? std::string(message_template("explorer.not_written", io.lang))
                                 : substitute(message_template("explorer.written", io.lang), std::vector<std::string>{workbook});
      to += "\n";
    }
    to += "\n" + std::string(message_template("explorer.press_key", io.lang)) + "\n";
  }
  bool broken = false;
  write_all(k_stderr, io.err, broken);
  if (!out.write(io.out)) {
    // A reader that went away (`| head`) ends the run quietly; a full disk
    // (`> /dev/full`) says so.
    if (out.broken_pipe()) return code;
    const std::vector<std::string> args_{std::strerror(out.error())};
    write_all(k_stderr, "matchday: " + substitute(message_template("cannot_write_stdout", io.lang), args_) + "\n",
              broken);
    return k_exit_error;
  }
  if (explorer) platform::wait_for_key();
  return code;
}

}  // namespace matchday::cli
