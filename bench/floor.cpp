// The floor of the benchmark: one bare pass over the bytes. Maps each file
// named on the command line (a directory: every regular file in it) and counts
// its lines with memchr, as fast as any reader of the same bytes can hope to be.
// Built with the same flags as matchday (bench/run.sh).
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

static long count_lines(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) {
    std::perror(path.c_str());
    return -1;
  }
  struct stat st {};
  fstat(fd, &st);
  long lines = 0;
  if (st.st_size > 0) {
    const auto size = static_cast<std::size_t>(st.st_size);
    void* p = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED) {
      std::perror(path.c_str());
      ::close(fd);
      return -1;
    }
    const char* s = static_cast<const char*>(p);
    const char* end = s + size;
    while (const void* nl = std::memchr(s, '\n', static_cast<std::size_t>(end - s))) {
      ++lines;
      s = static_cast<const char*>(nl) + 1;
    }
    munmap(p, size);
  }
  ::close(fd);
  return lines;
}

int main(int argc, char** argv) {
  long total = 0;
  for (int i = 1; i < argc; ++i) {
    std::vector<std::string> paths;
    if (std::filesystem::is_directory(argv[i])) {
      for (const auto& e : std::filesystem::directory_iterator(argv[i])) {
        if (e.is_regular_file()) paths.push_back(e.path().string());
      }
    } else {
      paths.emplace_back(argv[i]);
    }
    for (const auto& p : paths) {
      const long n = count_lines(p);
      if (n < 0) return 2;
      total += n;
    }
  }
  std::printf("%ld\n", total);
  return 0;
}
