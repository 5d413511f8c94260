// The command line's file I/O (src/cli/io.hpp) when things go wrong: an
// unreadable input, a full disk, a file-size limit, an interrupt. Each case
// that changes process state (signal handlers, limits) runs in a child.
#include <doctest/doctest.h>

#include <dirent.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <string>

#include "io.hpp"
#include "test_util.hpp"

using namespace matchday::cli;
using matchday::test::TempDir;

namespace {

void write_plain(const std::string& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

std::string read_plain(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct ChildResult {
  int status = -1;  // raw waitpid status
  std::string err;  // what the child wrote to stderr
};

// Runs `body` in a child process with stderr captured; the child exits with
// what body returns unless a signal handler ends it first.
ChildResult in_child(const std::function<int()>& body) {
  int pipe_fds[2];
  REQUIRE(::pipe(pipe_fds) == 0);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::close(pipe_fds[0]);
    ::dup2(pipe_fds[1], STDERR_FILENO);
    ::_exit(body());
  }
  ::close(pipe_fds[1]);
  ChildResult r;
  char buf[512];
  ssize_t n;
  while ((n = ::read(pipe_fds[0], buf, sizeof buf)) > 0) r.err.append(buf, static_cast<std::size_t>(n));
  ::close(pipe_fds[0]);
  ::waitpid(pid, &r.status, 0);
  return r;
}

bool is_char_device(const char* path) {
  struct stat st {};
  return ::stat(path, &st) == 0 && S_ISCHR(st.st_mode);
}

}  // namespace

TEST_SUITE_BEGIN("io");

TEST_CASE("write_file_atomically replaces the file and leaves nothing else") {
  TempDir dir;
  const std::string out = dir.path + "/out.csv";
  write_plain(out, "old\n");
  std::string error;
  REQUIRE(write_file_atomically(out, "new\n", error));
  CHECK(read_plain(out) == "new\n");
  CHECK(dir.files() == std::set<std::string>{"out.csv"});
}

TEST_CASE("an interrupt between writing and renaming: the old file stays, no temporary file, exit 2") {
  TempDir dir;
  const std::string out = dir.path + "/out.csv";
  write_plain(out, "old\n");
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
    CAPTURE(sig);
    const ChildResult r = in_child([&] {
      install_signal_handlers();
      set_interrupt_message("matchday: interrupted");
      std::string error;
      write_file_atomically(out, std::string(100000, 'x'), error, [&] { std::raise(sig); });
      return 99;  // not reached: the handler exits
    });
    REQUIRE(WIFEXITED(r.status));
    CHECK(WEXITSTATUS(r.status) == 2);
    CHECK(r.err == "matchday: interrupted\n");
    CHECK(read_plain(out) == "old\n");
    CHECK(dir.files() == std::set<std::string>{"out.csv"});
  }
}

TEST_CASE("a signal ignored when the process started stays ignored") {
  const ChildResult r = in_child([] {
    std::signal(SIGHUP, SIG_IGN);  // as nohup leaves it
    install_signal_handlers();
    std::raise(SIGHUP);
    return 7;
  });
  REQUIRE(WIFEXITED(r.status));
  CHECK(WEXITSTATUS(r.status) == 7);
  CHECK(r.err.empty());
}

TEST_CASE("a file-size limit (a full disk for this file): an error, the old file stays, no temporary file") {
  TempDir dir;
  const std::string out = dir.path + "/out.csv";
  write_plain(out, "old\n");
  const ChildResult r = in_child([&] {
    install_signal_handlers();  // SIGXFSZ ignored: write() fails with EFBIG instead of killing us
    const rlimit limit{4096, 4096};
    if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) return 98;
    std::string error;
    if (write_file_atomically(out, std::string(1 << 20, 'x'), error)) return 97;
    return error == "File too large" ? 0 : 96;
  });
  REQUIRE(WIFEXITED(r.status));
  CHECK(WEXITSTATUS(r.status) == 0);
  CHECK(read_plain(out) == "old\n");
  CHECK(dir.files() == std::set<std::string>{"out.csv"});
}

TEST_CASE("-o onto a device is written in place, never replaced") {
  std::string error;
  SUBCASE("/dev/null") {
    CHECK(write_file_atomically("/dev/null", "a,b\n", error));
    CHECK(is_char_device("/dev/null"));
  }
  SUBCASE("/dev/full: the disk-full error") {
    CHECK_FALSE(write_file_atomically("/dev/full", "a,b\n", error));
    CHECK(error == "No space left on device");
    CHECK(is_char_device("/dev/full"));
  }
  SUBCASE("/dev/full through a writer that needs a file name") {
    CHECK_FALSE(write_file_atomically_with(
        "/dev/full", [](const std::string& tmp, std::string&) { write_plain(tmp, "PK..."); return true; }, error));
    CHECK(error == "No space left on device");
    CHECK(is_char_device("/dev/full"));
  }
}

TEST_CASE("-o into a missing folder or onto a folder: an error and nothing written") {
  TempDir dir;
  std::string error;
  CHECK_FALSE(write_file_atomically(dir.path + "/no-such-dir/out.csv", "x", error));
  CHECK(error == "No such file or directory");
  CHECK_FALSE(write_file_atomically(dir.path, "x", error));
  CHECK(error == "Is a directory");
  CHECK(dir.files().empty());
}

TEST_CASE("InputFile: what cannot be read says why") {
  InputFile f;
  std::string error;
  CHECK_FALSE(f.open("/nonexistent/results.csv", error));
  CHECK(error == "No such file or directory");
  CHECK_FALSE(f.open("/tmp", error));
  CHECK(error == "Is a directory");
  // A file that opens but cannot be read (as root, chmod 000 still reads).
  CHECK_FALSE(f.open("/proc/self/mem", error));
  CHECK(error == "Input/output error");
}

TEST_SUITE_END();
