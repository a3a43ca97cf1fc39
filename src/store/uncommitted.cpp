#include "caseload/store/uncommitted.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "caseload/core/errors.hpp"
#include "caseload/core/text.hpp"
#include "caseload/store/fsutil.hpp"
#include "caseload/store/record_types.hpp"

namespace caseload {
namespace fs = std::filesystem;
namespace {

constexpr const char* k_file = "uncommitted";
constexpr std::size_t k_max_bytes = 1024 * 1024;

}  // namespace

void remember_uncommitted(const fs::path& root, const std::string& path) {
  const fs::path list = local_state_dir(root) / k_file;
  const int fd = ::open(list.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0600);
  if (fd < 0) throw Error(fmt::format("cannot open {}: {}", list.string(), std::strerror(errno)));
  const std::string line = path + "\n";
  const bool ok = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
  const int err = errno;
  ::close(fd);
  if (!ok) throw Error(fmt::format("cannot write {}: {}; nothing was changed", list.string(), std::strerror(err)),
                       "check free disk space, then run the command again");
}

std::vector<std::string> uncommitted_paths(const fs::path& root) {
  std::vector<std::string> paths;
  const auto dir = existing_state_dir(root);
  if (!dir) return paths;
  const FileRead r = read_regular_file(*dir / k_file, k_max_bytes);
  if (r.status != FileRead::ok) return paths;
  for (auto& line : split_lines(r.bytes)) {
    const bool store_file = record_type_for_path(line) || line == ".gitignore" || line == ".gitattributes";
    if (store_file && !contains(paths, line)) paths.push_back(std::move(line));
  }
  return paths;
}

void forget_uncommitted(const fs::path& root) {
  if (const auto dir = existing_state_dir(root)) ::unlink((*dir / k_file).c_str());
}

}  // namespace caseload
