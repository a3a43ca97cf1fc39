// Builds the real context (streams, environment, clock, terminals), runs the
// command, and reports an error once, as the exit code of SPEC 3.
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <iostream>
#include <random>

#include "caseload/core/text.hpp"
#include "caseload/cli/app.hpp"
#include "caseload/core/errors.hpp"

namespace {

// Everything written to standard output reached it: a report cut short by a
// full disk is exit 1 with a message, never a silent exit 0.
int flushed(int code) {
  std::cout.flush();
  errno = 0;
  const bool ok = std::cout.good() && std::fflush(stdout) == 0 && !std::ferror(stdout);
  if (ok) return code;
  const int err = errno;
  std::cerr << "caseload: error: cannot write to standard output"
            << (err != 0 ? std::string(": ") + std::strerror(err) : std::string()) << '\n';
  return code == caseload::k_exit_ok ? caseload::k_exit_error : code;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace caseload;
  ::umask(0077);  // new files 0600 and folders 0700, whatever else creates them
  std::time_t now = std::time(nullptr);
  std::tm local{};
  ::localtime_r(&now, &local);
  std::random_device device;
  std::mt19937 generator(device());
  Context ctx(std::cout, std::cerr, std::cin);
  ctx.stdin_is_tty = ::isatty(0) != 0;
  ctx.stdout_is_tty = ::isatty(1) != 0;
  if (winsize size{}; ctx.stdout_is_tty && ::ioctl(1, TIOCGWINSZ, &size) == 0) ctx.terminal_columns = size.ws_col;
  ctx.env = [](const std::string& name) -> std::optional<std::string> {
    const char* v = std::getenv(name.c_str());
    return v ? std::optional<std::string>(v) : std::nullopt;
  };
  std::error_code ec;
  ctx.cwd = std::filesystem::current_path(ec);
  ctx.clock_date = Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
  ctx.clock_minutes = local.tm_hour * 60 + local.tm_min;
  ctx.random = [&generator] { return static_cast<uint32_t>(generator()); };
  ctx.executable = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) ctx.executable = std::filesystem::absolute(argv[0], ec);
  try {
    return flushed(run_cli(argc, argv, ctx));
  } catch (const Error& e) {
    flushed(k_exit_ok);
    // A message may name a path or a key from the store: never raw (its own
    // lines, such as a list of the clients a name matches, stay lines).
    std::cerr << "caseload: " << (e.exit_code() == k_exit_usage ? "usage: " : "error: ") << escape_for_terminal(e.what(), true)
              << '\n';
    if (!e.hint().empty()) std::cerr << "  hint: " << escape_for_terminal(e.hint(), true) << '\n';
    return e.exit_code();
  } catch (const std::exception& e) {
    std::cerr << "caseload: internal error: " << e.what() << '\n';
    return k_exit_error;
  }
}
