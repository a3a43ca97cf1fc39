// The cache of issue 7 is never the source of truth: these tests pin that an
// entry is used only for the file exactly as it was, and that anything wrong
// with a cache file makes it read as empty rather than as wrong.
#include <fcntl.h>
#include <sys/stat.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "caseload/store/cache.hpp"
#include "caseload/store/decode.hpp"
#include "caseload/store/store.hpp"
#include "temp_dir.hpp"

using caseload::CacheFile;
using caseload::FileStamp;
using caseload::testing::TempDir;
namespace fs = std::filesystem;

namespace {

void write_file(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

FileStamp stamp(const fs::path& path) {
  auto s = caseload::stamp_at(AT_FDCWD, path.c_str());
  REQUIRE(s);
  return *s;
}

// Puts the mtime back to what it was: what `touch -d` or a careful tool does.
void set_mtime_ns(const fs::path& path, std::int64_t ns) {
  struct timespec times[2] = {{0, UTIME_OMIT}, {ns / 1'000'000'000, ns % 1'000'000'000}};
  REQUIRE(::utimensat(AT_FDCWD, path.c_str(), times, 0) == 0);
}

// Past the file system's timestamp tick, so that a later change shows in the ctime.
void next_tick() { std::this_thread::sleep_for(std::chrono::milliseconds(30)); }

// A cache file holding one entry for `record`, trusted at once (no settle time).
FileStamp cache_one(const TempDir& dir, const fs::path& record) {
  CacheFile cache(dir.path(), "t", 0);
  const FileStamp s = stamp(record);
  cache.put("r.yaml", s, "bytes of r");
  cache.save(CacheFile::Unused::Drop);
  return s;
}

bool cached(const TempDir& dir, const FileStamp& s) {
  CacheFile cache(dir.path(), "t", 0);
  auto found = cache.find("r.yaml", s);
  return found && *found == "bytes of r";
}

}  // namespace

TEST_SUITE("store::CacheFile") {
  TEST_CASE("an entry is found again while its file keeps its stamp") {
    TempDir dir;
    write_file(dir / "r.yaml", "name: Anna\n");
    const FileStamp s = cache_one(dir, dir / "r.yaml");
    CHECK(cached(dir, s));
    CHECK(cached(dir, stamp(dir / "r.yaml")));
    CHECK_FALSE(CacheFile(dir.path(), "t", 0).find("other.yaml", s));
  }

  TEST_CASE("a same-size edit whose mtime is put back is seen through the ctime") {
    TempDir dir;
    write_file(dir / "r.yaml", "name: Anna\n");
    const FileStamp before = cache_one(dir, dir / "r.yaml");
    next_tick();
    {
      std::fstream f(dir / "r.yaml", std::ios::in | std::ios::out | std::ios::binary);
      f.seekp(6);
      f << "Enna";  // in place: same inode, same size
    }
    set_mtime_ns(dir / "r.yaml", before.mtime_ns);
    const FileStamp after = stamp(dir / "r.yaml");
    CHECK(after.size == before.size);
    CHECK(after.mtime_ns == before.mtime_ns);
    CHECK(after.inode == before.inode);
    CHECK_FALSE(cached(dir, after));
  }

  TEST_CASE("a file replaced by another of the same size and mtime is seen (a checkout)") {
    TempDir dir;
    write_file(dir / "r.yaml", "name: Anna\n");
    const FileStamp before = cache_one(dir, dir / "r.yaml");
    write_file(dir / "new.yaml", "name: Enna\n");
    set_mtime_ns(dir / "new.yaml", before.mtime_ns);
    fs::rename(dir / "new.yaml", dir / "r.yaml");
    const FileStamp after = stamp(dir / "r.yaml");
    CHECK(after.inode != before.inode);
    CHECK_FALSE(cached(dir, after));
  }

  TEST_CASE("a file changed within the settle time is not stored: a later change could keep its stamp") {
    TempDir dir;
    write_file(dir / "r.yaml", "name: Anna\n");
    {
      CacheFile cache(dir.path(), "t");  // the real settle time
      cache.put("r.yaml", stamp(dir / "r.yaml"), "bytes of r");
      cache.save(CacheFile::Unused::Drop);
    }
    CHECK_FALSE(cached(dir, stamp(dir / "r.yaml")));
  }

  TEST_CASE("a missing, corrupt, truncated, other-version or foreign cache file reads as empty and is rebuilt") {
    TempDir dir;
    write_file(dir / "r.yaml", "name: Anna\n");
    const FileStamp s = cache_one(dir, dir / "r.yaml");
    const fs::path file = dir / ".caseload/cache/t";
    const std::string good = read_file(file);
    REQUIRE(cached(dir, s));

    std::string corrupt = good;
    corrupt[corrupt.size() - 3] ^= 0x20;  // inside the entry's bytes
    std::string other_version = good;
    other_version.replace(other_version.find("format "), 8, "format 0");
    const std::string cases[] = {corrupt, good.substr(0, good.size() - 1), good.substr(0, 10), other_version,
                                 "not a cache\n", ""};
    for (const auto& bytes : cases) {
      write_file(file, bytes);
      CHECK_FALSE(cached(dir, s));
    }
    fs::remove(file);
    CHECK_FALSE(cached(dir, s));
    cache_one(dir, dir / "r.yaml");
    CHECK(read_file(file) == good);
  }

  TEST_CASE("saving drops the entries not asked for, unless told to keep them") {
    TempDir dir;
    write_file(dir / "r.yaml", "name: Anna\n");
    const FileStamp s = cache_one(dir, dir / "r.yaml");
    CacheFile(dir.path(), "t", 0).save(CacheFile::Unused::Keep);
    CHECK(cached(dir, s));
    CacheFile(dir.path(), "t", 0).save(CacheFile::Unused::Drop);  // r.yaml is gone
    CHECK_FALSE(cached(dir, s));
  }

  TEST_CASE("the cache is private: folder 0700, files 0600") {
    TempDir dir;
    write_file(dir / "r.yaml", "name: Anna\n");
    ::umask(022);
    cache_one(dir, dir / "r.yaml");
    struct stat st {};
    REQUIRE(::stat((dir / ".caseload/cache").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0700);
    REQUIRE(::stat((dir / ".caseload/cache/t").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
  }
}

TEST_SUITE("store::cache entries") {
  using namespace caseload;

  TEST_CASE("a decoded record and its warnings come back as they were") {
    Document doc = parse_document("clients/K7Q2MX/client.yaml",
                                  "id: K7Q2MX\nname: José Nuñez\nopened: 2026-02-30\ncontact_every: 14d\n"
                                  "tags: [a, b]\nconsent:\n  - {to: x, scope: [contact], given: 2026-01-02}\n",
                                  schemas::client());
    FileOutcome<Client> o;
    o.record = decode_record<Client>(doc, &o.warnings);
    REQUIRE(o.warnings.size() == 1);  // the impossible date
    FileOutcome<Client> back;
    REQUIRE(decode_outcome(encode_outcome(o), back));
    CHECK(back.record->name == "José Nuñez");
    CHECK(back.record->contact_every->count == 14);
    CHECK(back.record->tags == std::vector<std::string>{"a", "b"});
    CHECK(back.record->consents.at(0).given->str() == "2026-01-02");
    CHECK_FALSE(back.record->opened);
    CHECK(back.warnings.at(0).str() == o.warnings.at(0).str());
    CHECK(encode_outcome(back) == encode_outcome(o));
  }

  TEST_CASE("a broken file's error comes back with its place, message and hint") {
    FileOutcome<Contact> o;
    o.error.emplace(Location{"clients/K7Q2MX/contacts/x.yaml", 3, 7}, "YAML syntax: bad", "fix it");
    FileOutcome<Contact> back;
    REQUIRE(decode_outcome(encode_outcome(o), back));
    CHECK_FALSE(back.record);
    CHECK(std::string(back.error->what()) == "clients/K7Q2MX/contacts/x.yaml:3:7: YAML syntax: bad");
    CHECK(back.error->hint() == "fix it");
  }

  TEST_CASE("entry bytes cut short or with bytes added are refused") {
    FileOutcome<Contact> o;
    o.record.emplace();
    o.record->summary = "Home visit";
    const std::string bytes = encode_outcome(o);
    FileOutcome<Contact> back;
    for (size_t n = 0; n < bytes.size(); ++n) CHECK_FALSE(decode_outcome(bytes.substr(0, n), back));
    CHECK_FALSE(decode_outcome(bytes + "x", back));
  }
}

TEST_SUITE("store::Store with its cache") {
  using namespace caseload;

  // Every decoded record and warning of a store-wide load, as comparable bytes.
  std::string load_all(const Store& store) {
    Diagnostics warnings;
    std::string out;
    for (const auto& r : store.load_all_clients(&warnings)) {
      FileOutcome<Client> c{r.client, {}, {}};
      out += encode_outcome(c);
      for (const auto& contact : r.contacts) out += encode_outcome(FileOutcome<Contact>{contact, {}, {}});
    }
    for (const auto& w : warnings) out += w.str() + "\n";
    return out;
  }

  TEST_CASE("a warm load equals a cold one, and a same-size edit with its mtime put back is seen") {
    TempDir dir;
    write_file(dir / "caseload.yaml", "schema: 1\nagency: Test\nworkers:\n  - {id: aoki}\n");
    write_file(dir / "clients/AAAAAA/client.yaml", "id: AAAAAA\nname: Anna\nworker: aoki\nstatus: open\n");
    write_file(dir / "clients/AAAAAA/contacts/2026-01-02T1000-call.yaml", "date: 2026-01-02T10:00\nkind: call\n");
    write_file(dir / "clients/BBBBBB/client.yaml", "id: BBBBBB\nname: [broken\n");
    write_file(dir / "clients/CCCCCC/client.yaml", "id: CCCCCC\nname: Cleo\nopened: 2026-13-01\n");
    // Old enough to be stored: files changed within the settle time are not.
    std::this_thread::sleep_for(std::chrono::nanoseconds(CacheFile::k_settle_ns + 100'000'000));
    Store store(dir.path());
    const std::string cold = load_all(store);
    CHECK(cold.find("Anna") != std::string::npos);
    CHECK(cold.find("clients/BBBBBB/client.yaml:3:1: error: YAML syntax") != std::string::npos);
    const fs::path anna = dir / "clients/AAAAAA/client.yaml";
    const FileStamp before = stamp(anna);
    CHECK(CacheFile(dir.path(), "clients-A").find("clients/AAAAAA/client.yaml", before));  // so the edit below is a real test
    CHECK(load_all(store) == cold);

    write_file(anna, "id: AAAAAA\nname: Enna\nworker: aoki\nstatus: open\n");
    set_mtime_ns(anna, before.mtime_ns);
    const std::string edited = load_all(store);
    CHECK(edited.find("Enna") != std::string::npos);
    CHECK(edited.find("Anna") == std::string::npos);

    fs::remove(dir / "clients/AAAAAA/contacts/2026-01-02T1000-call.yaml");
    CHECK(load_all(store).find("call") == std::string::npos);
    fs::remove_all(dir / ".caseload");
    CHECK(load_all(store).find("Enna") != std::string::npos);
  }
}
