#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "caseload/core/errors.hpp"
#include "caseload/store/fsutil.hpp"
#include "temp_dir.hpp"

using namespace caseload;
using caseload::testing::TempDir;
namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_plain(const fs::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

unsigned mode_of(const fs::path& path) {
  struct stat st {};
  REQUIRE(::lstat(path.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

// Every entry in the folder, hidden ones included.
std::vector<std::string> entries(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_SUITE("store::fsutil") {
  TEST_CASE("atomic_write creates an owner-only file") {
    TempDir dir;
    const auto path = dir / "client.yaml";
    atomic_write(path, "id: K7Q2MX\n");
    CHECK(read(path) == "id: K7Q2MX\n");
    CHECK(mode_of(path) == 0600);
  }

  TEST_CASE("atomic_write ignores a permissive umask for new files") {
    TempDir dir;
    const mode_t old = ::umask(0);
    atomic_write(dir / "a.yaml", "x\n");
    ::umask(old);
    CHECK(mode_of(dir / "a.yaml") == 0600);
  }

  TEST_CASE("atomic_write replaces the content") {
    TempDir dir;
    const auto path = dir / "client.yaml";
    atomic_write(path, "first version, quite a bit longer than the second\n");
    atomic_write(path, "second\n");
    CHECK(read(path) == "second\n");
    SUBCASE("an empty write leaves an empty file") {
      atomic_write(path, "");
      CHECK(fs::exists(path));
      CHECK(read(path).empty());
    }
  }

  // Case files are owner-only whatever a checkout or copy made of them (fsutil.hpp).
  TEST_CASE("atomic_write makes a replaced file owner-only again") {
    TempDir dir;
    const auto path = dir / "shared.yaml";
    write_plain(path, "old\n");
    REQUIRE(::chmod(path.c_str(), 0644) == 0);
    atomic_write(path, "new\n");
    CHECK(read(path) == "new\n");
    CHECK(mode_of(path) == 0600);
  }

  TEST_CASE("atomic_write leaves no temporary file behind") {
    TempDir dir;
    atomic_write(dir / "a.yaml", "one\n");
    atomic_write(dir / "a.yaml", "two\n");
    atomic_write(dir / "b.yaml", "three\n");
    CHECK(entries(dir.path()) == std::vector<std::string>{"a.yaml", "b.yaml"});
  }

  TEST_CASE("atomic_write replaces a link with a file instead of writing through it") {
    TempDir dir;
    write_plain(dir / "target.yaml", "target\n");
    fs::create_symlink(dir / "target.yaml", dir / "link.yaml");
    atomic_write(dir / "link.yaml", "new\n");
    CHECK(read(dir / "target.yaml") == "target\n");
    CHECK_FALSE(fs::is_symlink(dir / "link.yaml"));
    CHECK(read(dir / "link.yaml") == "new\n");
  }

  TEST_CASE("atomic_write into a missing folder fails with an error and writes nothing") {
    TempDir dir;
    CHECK_THROWS_AS(atomic_write(dir / "missing" / "a.yaml", "x\n"), Error);
    CHECK(entries(dir.path()).empty());
  }

  TEST_CASE("make_private_dirs creates owner-only folders") {
    TempDir dir;
    const auto deep = dir / "clients" / "K7Q2MX" / "contacts";
    make_private_dirs(deep);
    CHECK(fs::is_directory(deep));
    CHECK(mode_of(dir / "clients") == 0700);
    CHECK(mode_of(dir / "clients" / "K7Q2MX") == 0700);
    CHECK(mode_of(deep) == 0700);
    SUBCASE("an existing folder is fine and keeps its mode") {
      REQUIRE(::chmod(deep.c_str(), 0750) == 0);
      CHECK_NOTHROW(make_private_dirs(deep));
      CHECK(mode_of(deep) == 0750);
    }
    SUBCASE("a relative path works too") {
      const auto cwd = fs::current_path();
      fs::current_path(dir.path());
      make_private_dirs("rel/a");
      fs::current_path(cwd);
      CHECK(fs::is_directory(dir / "rel" / "a"));
      CHECK(mode_of(dir / "rel") == 0700);
    }
  }

  TEST_CASE("make_private_dirs refuses when a file is in the way") {
    TempDir dir;
    write_plain(dir / "clients", "not a folder\n");
    CHECK_THROWS_AS(make_private_dirs(dir / "clients"), Error);
    CHECK_THROWS_AS(make_private_dirs(dir / "clients" / "K7Q2MX"), Error);
  }

  TEST_CASE("list_files lists regular files only, sorted") {
    TempDir dir;
    write_plain(dir / "b.yaml", "b");
    write_plain(dir / "a.yaml", "a");
    write_plain(dir / ".hidden", "h");
    fs::create_directory(dir / "folder");
    fs::create_symlink(dir / "a.yaml", dir / "link-to-file.yaml");
    fs::create_directory_symlink(dir / "folder", dir / "link-to-folder");
    fs::create_symlink(dir / "nowhere", dir / "dangling.yaml");
    CHECK(list_files(dir.path()) == std::vector<std::string>{".hidden", "a.yaml", "b.yaml"});
    CHECK(list_dirs(dir.path()) == std::vector<std::string>{"folder"});
  }

  TEST_CASE("listing a missing folder gives nothing") {
    TempDir dir;
    CHECK(list_files(dir / "missing").empty());
    CHECK(list_dirs(dir / "missing").empty());
  }

  TEST_CASE("leftover temporary files are recognised by name") {
    CHECK(is_temp_name(".client.yaml.tmp-Ab12Cd"));
    CHECK_FALSE(is_temp_name("client.yaml"));
    CHECK_FALSE(is_temp_name(".gitignore"));
    CHECK_FALSE(is_temp_name("."));
    CHECK_FALSE(is_temp_name("notes.tmp-1"));
  }
}

TEST_CASE("read_regular_file reads files and never a link or FIFO") {
  TempDir dir;
  write_plain(dir / "a.yaml", "name: x\n");
  FileRead ok = read_regular_file(dir / "a.yaml", 100);
  CHECK(ok.status == FileRead::ok);
  CHECK(ok.bytes == "name: x\n");
  // A file past the limit is cut at limit + 1 bytes, so the caller can tell.
  CHECK(read_regular_file(dir / "a.yaml", 3).bytes == "name");
  CHECK(read_regular_file(dir / "none.yaml", 100).status == FileRead::missing);
  fs::create_symlink(dir / "a.yaml", dir / "link.yaml");
  FileRead link = read_regular_file(dir / "link.yaml", 100);
  CHECK(link.status == FileRead::link);
  CHECK(link.bytes.empty());
  // Opening a FIFO without O_NONBLOCK would wait for a writer for ever.
  REQUIRE(::mkfifo((dir / "fifo.yaml").c_str(), 0600) == 0);
  CHECK(read_regular_file(dir / "fifo.yaml", 100).status == FileRead::not_regular);
  CHECK(read_regular_file(dir.path(), 100).status == FileRead::not_regular);
  CHECK(file_kind_name(dir / "fifo.yaml") == "a FIFO");
  CHECK(file_kind_name(dir / "link.yaml") == "a link");
}

TEST_CASE("local_state_dir makes a private folder and refuses a link or a file") {
  TempDir dir;
  const fs::path made = local_state_dir(dir.path(), "cache");
  CHECK(made == dir / ".caseload" / "cache");
  struct stat st {};
  REQUIRE(::lstat((dir / ".caseload").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0700);
  CHECK(existing_state_dir(dir.path(), "cache").has_value());
  CHECK_FALSE(existing_state_dir(dir.path(), "edit").has_value());

  TempDir other, elsewhere;
  fs::create_symlink(elsewhere.path(), other / ".caseload");
  CHECK_THROWS_AS(local_state_dir(other.path()), Error);
  CHECK_THROWS_AS(existing_state_dir(other.path()), Error);
  CHECK(fs::is_empty(elsewhere.path()));  // nothing was made through the link

  TempDir third;
  write_plain(third / ".caseload", "");
  CHECK_THROWS_AS(local_state_dir(third.path()), Error);
}

TEST_CASE("make_private_dirs never makes a folder through a link") {
  TempDir dir, elsewhere;
  fs::create_symlink(elsewhere.path(), dir / "clients");
  CHECK_THROWS_AS(make_private_dirs(dir / "clients" / "X1" / "contacts"), Error);
  CHECK(fs::is_empty(elsewhere.path()));
}
