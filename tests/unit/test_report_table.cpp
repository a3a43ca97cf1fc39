// Tables for people: columns line up on screen whatever the script, and
// colour appears only when asked for.
#include <doctest/doctest.h>

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "caseload/cli/context.hpp"
#include "caseload/report/table.hpp"

using namespace caseload;

namespace {

std::string printed(const Table& t, const Style& style = Style{false}) {
  std::ostringstream out;
  print_table(out, t, style);
  return out.str();
}

// `text` as it shows on screen `shown` columns wide, padded to `width`
// columns. The widths are written out by hand in each test: what a terminal
// draws, not what the code computes.
std::string cell(const std::string& text, int shown, int width) {
  return text + std::string(static_cast<size_t>(width - shown), ' ');
}
std::string cell(const std::string& ascii, int width) { return cell(ascii, static_cast<int>(ascii.size()), width); }

const std::string k_ase = "\u00C5se \u00D8stby";                     // 9 columns, 11 bytes
const std::string k_ase_decomposed = "A\u030Ase \u00D8stby";         // A + combining ring: still 9 columns
const std::string k_rahima = "\u09B0\u09B9\u09BF\u09AE\u09BE \u09AC\u09C7\u0997\u09AE";  // 10 columns
// মোহাম্মদ করিম: the vowel signs ো and া are spacing marks (1 column each),
// the virama ্ is a non-spacing mark (0): 7 + 1 + 4 = 12 columns.
const std::string k_karim = "\u09AE\u09CB\u09B9\u09BE\u09AE\u09CD\u09AE\u09A6 \u0995\u09B0\u09BF\u09AE";
const std::string k_wang = "\u738B\u79C0\u82F1";                     // CJK, 2 columns each: 6

}  // namespace

TEST_SUITE("report::table") {
  TEST_CASE("columns are padded to their widest cell and separated by two spaces") {
    Table t;
    t.headers = {"ID", "NAME", "WORKER"};
    t.rows = {{"X4C8PG", "Jose Villanueva", "cruz"}, {"B9T3KS", "Ligaya", "berg"}};
    CHECK(printed(t) ==
          cell("ID", 6) + "  " + cell("NAME", 15) + "  WORKER\n" +
          "X4C8PG  Jose Villanueva  cruz\n" +
          "B9T3KS  " + cell("Ligaya", 15) + "  berg\n");
  }

  TEST_CASE("the last column is not padded and no line ends in spaces") {
    Table t;
    t.headers = {"ID", "NAME", "NOTE"};
    t.rows = {{"X4C8PG", "Ana", ""}, {"B9T3KS", "Ligaya Bautista", "long note"}};
    const std::string text = printed(t);
    CHECK(text ==
          "ID      NAME             NOTE\n"
          "X4C8PG  Ana\n"
          "B9T3KS  Ligaya Bautista  long note\n");
    CHECK(text.find(" \n") == std::string::npos);
  }

  TEST_CASE("a short row gets empty cells") {
    Table t;
    t.headers = {"ID", "NAME", "WORKER"};
    t.rows = {{"X4C8PG"}, {"B9T3KS", "Ligaya", "berg"}};
    CHECK(printed(t) == "ID      NAME    WORKER\nX4C8PG\nB9T3KS  Ligaya  berg\n");
  }

  TEST_CASE("names line up by display width, not by bytes or code points") {
    Table t;
    t.headers = {"NAME", "ID"};
    t.rows = {{k_ase, "E3N6WC"}, {k_ase_decomposed, "E3N6WD"}, {k_rahima, "9GQ2TF"}, {k_wang, "K7Q2MX"},
              {"Jose\u0301", "X4C8PG"}};
    // The widest name is the Bengali one, 10 columns.
    CHECK(printed(t) ==
          cell("NAME", 10) + "  ID\n" +
          cell(k_ase, 9, 10) + "  E3N6WC\n" +
          cell(k_ase_decomposed, 9, 10) + "  E3N6WD\n" +
          k_rahima + "  9GQ2TF\n" +
          cell(k_wang, 6, 10) + "  K7Q2MX\n" +
          cell("Jose\u0301", 4, 10) + "  X4C8PG\n");
  }

  TEST_CASE("Bengali spacing vowel signs take a column, the virama none") {
    Table t;
    t.headers = {"NAME", "WORKER"};
    t.rows = {{k_karim, "dewi"}, {"Jukka Heikkinen", "aoki"}};
    CHECK(printed(t) ==
          cell("NAME", 15) + "  WORKER\n" +
          cell(k_karim, 12, 15) + "  dewi\n" +
          "Jukka Heikkinen  aoki\n");
  }

  TEST_CASE("a column with a limit cuts longer cells to that many columns, ending in an ellipsis") {
    Table t;
    t.headers = {"NAME", "ID"};
    t.max_width = {8, 0};
    SUBCASE("Latin text") {
      t.rows = {{"Maria M\u00e4kinen-Virtanen", "M6VHQ2"}, {"12345678", "X4C8PG"}};
      // 7 columns of text and the ellipsis; a cell of exactly 8 is left whole.
      CHECK(printed(t) ==
            cell("NAME", 8) + "  ID\n" +
            "Maria M\u2026  M6VHQ2\n" +
            "12345678  X4C8PG\n");
    }
    SUBCASE("wide characters are never split: the cut may leave a column free") {
      t.max_width = {5, 0};
      t.rows = {{"\u738B\u79C0\u82F1\u674E\u534E", "K7Q2MX"}};  // 10 columns
      // Room for 4 columns before the ellipsis: two characters.
      CHECK(printed(t) == "NAME   ID\n\u738B\u79C0\u2026  K7Q2MX\n");
      t.max_width = {4, 0};
      // Room for 3: one character (2 columns); the second would need 4.
      CHECK(printed(t) == "NAME  ID\n\u738B\u2026   K7Q2MX\n");
    }
    SUBCASE("the header is never cut") {
      t.headers = {"A LONG HEADER", "ID"};
      t.rows = {{"short", "X4C8PG"}};
      CHECK(printed(t) == "A LONG HEADER  ID\nshort          X4C8PG\n");
    }
  }

  TEST_CASE("a cell of several lines shows its first line, trimmed") {
    Table t;
    t.headers = {"WHAT", "ID"};
    t.rows = {{"  Call back about the rent  \nsecond line", "X4C8PG"}};
    CHECK(printed(t) == cell("WHAT", 24) + "  ID\nCall back about the rent  X4C8PG\n");
  }

  TEST_CASE("groups get a heading, a blank line between them, and one header row under the first") {
    Table t;
    t.headers = {"LATE", "NAME", "FILE"};
    t.rows = {{"5d", "Ana Lima", "a.yaml"}, {"2d", "Lars Haugen", "b.yaml"}, {"", "Jos\u00e9 Villanueva", "c.yaml"}};
    t.groups = {"Overdue", "Overdue", "Today 2026-11-23"};
    // The NAME column is as wide as the widest name of any group.
    CHECK(printed(t) ==
          "Overdue\n" +
          cell("LATE", 4) + "  " + cell("NAME", 15) + "  FILE\n" +
          cell("5d", 4) + "  " + cell("Ana Lima", 15) + "  a.yaml\n" +
          cell("2d", 4) + "  " + cell("Lars Haugen", 15) + "  b.yaml\n" +
          "\n"
          "Today 2026-11-23\n" +
          cell("", 4) + "  Jos\u00e9 Villanueva  c.yaml\n");
  }

  TEST_CASE("a group that comes back after another gets its heading again") {
    Table t;
    t.headers = {"N"};
    t.rows = {{"1"}, {"2"}, {"3"}};
    t.groups = {"A", "B", "A"};
    CHECK(printed(t) == "A\nN\n1\n\nB\n2\n\nA\n3\n");
  }

  TEST_CASE("a table without rows prints its header row") {
    Table t;
    t.headers = {"ID", "NAME"};
    CHECK(printed(t) == "ID  NAME\n");
  }

  TEST_CASE("with colour off there is not a single escape sequence") {
    Table t;
    t.headers = {"LATE", "NAME"};
    t.rows = {{"5d", "Ana"}};
    t.groups = {"Overdue"};
    CHECK(printed(t, Style{false}).find('\x1b') == std::string::npos);
    Style off{false};
    CHECK(off.bold("x") == "x");
    CHECK(off.dim("x") == "x");
    CHECK(off.red("x") == "x");
    CHECK(off.yellow("x") == "x");
    CHECK(off.green("x") == "x");
  }

  TEST_CASE("with colour on, headers and group headings are bold and the data is not") {
    Table t;
    t.headers = {"ID", "NAME"};
    t.rows = {{"X4C8PG", "Ana"}};
    // The padding is inside the bold header cell, so the columns still line up.
    CHECK(printed(t, Style{true}) == "\x1b[1mID    \x1b[0m  \x1b[1mNAME\x1b[0m\nX4C8PG  Ana\n");
    t.groups = {"Overdue"};
    CHECK(printed(t, Style{true}) ==
          "\x1b[1mOverdue\x1b[0m\n\x1b[1mID    \x1b[0m  \x1b[1mNAME\x1b[0m\nX4C8PG  Ana\n");
    Style on{true};
    CHECK(on.bold("x") == "\x1b[1mx\x1b[0m");
    CHECK(on.dim("x") == "\x1b[2mx\x1b[0m");
    CHECK(on.red("x") == "\x1b[31mx\x1b[0m");
    CHECK(on.yellow("x") == "\x1b[33mx\x1b[0m");
    CHECK(on.green("x") == "\x1b[32mx\x1b[0m");
  }

  TEST_CASE("colour is on for a terminal unless NO_COLOR is set and not empty, or TERM is dumb") {
    std::ostringstream out, err;
    std::istringstream in;
    Context ctx(out, err, in);
    std::map<std::string, std::string> env;
    ctx.env = [&env](const std::string& name) -> std::optional<std::string> {
      auto it = env.find(name);
      if (it == env.end()) return std::nullopt;
      return it->second;
    };
    SUBCASE("auto: only a terminal gets colour") {
      ctx.stdout_is_tty = true;
      CHECK(ctx.style().color);
      ctx.stdout_is_tty = false;
      CHECK_FALSE(ctx.style().color);
    }
    SUBCASE("auto: NO_COLOR with any non-empty value turns it off") {
      ctx.stdout_is_tty = true;
      env["NO_COLOR"] = "1";
      CHECK_FALSE(ctx.style().color);
      env["NO_COLOR"] = "0";  // the value does not matter
      CHECK_FALSE(ctx.style().color);
      env["NO_COLOR"] = "";   // empty counts as unset (no-color.org)
      CHECK(ctx.style().color);
    }
    SUBCASE("auto: TERM=dumb turns it off") {
      ctx.stdout_is_tty = true;
      env["TERM"] = "dumb";
      CHECK_FALSE(ctx.style().color);
      env["TERM"] = "xterm-256color";
      CHECK(ctx.style().color);
    }
    SUBCASE("--color always and never win over everything") {
      env["NO_COLOR"] = "1";
      env["TERM"] = "dumb";
      ctx.stdout_is_tty = false;
      ctx.global.color = "always";
      CHECK(ctx.style().color);
      env.clear();
      ctx.stdout_is_tty = true;
      ctx.global.color = "never";
      CHECK_FALSE(ctx.style().color);
    }
  }
}

TEST_SUITE("report::table fit") {
  TEST_CASE("a table too wide gives way column by column, in give_way order") {
    Table t;
    t.headers = {"ID", "NAME", "FILE"};
    t.rows = {{"K7Q2MX", "Maria Santos", "clients/K7Q2MX/contacts/2026-11-27T1000-visit-4skd.yaml"}};
    t.give_way = {2, 1};
    t.fit_width = 30;
    // FILE goes first, as far as needed; NAME keeps its width.
    CHECK(printed(t) == "ID      NAME          FILE\nK7Q2MX  Maria Santos  clients\u2026\n");
    // Narrower: FILE down to its header's width (4), then NAME.
    t.fit_width = 24;
    CHECK(printed(t) == "ID      NAME        FILE\nK7Q2MX  Maria San\u2026  cli\u2026\n");
    t.fit_width = 0;  // no limit
    CHECK(printed(t).find("4skd.yaml") != std::string::npos);
  }

  TEST_CASE("cells that give way are cut by display width, between grapheme clusters") {
    Table t;
    t.headers = {"ID", "NAME"};
    // ক্ষেত্রমোহন: the first cluster ক্ষে is 3 columns.
    t.rows = {{"B1B1B1", "\u0995\u09CD\u09B7\u09C7\u09A4\u09CD\u09B0\u09AE\u09CB\u09B9\u09A8"}};
    t.give_way = {1};
    t.fit_width = 13;  // 6 + 2 + 5 columns for the name
    CHECK(printed(t) == "ID      NAME\nB1B1B1  \u0995\u09CD\u09B7\u09C7\u2026\n");
  }

  TEST_CASE("--wide lifts both the fit and the columns' own limits") {
    Table t;
    t.headers = {"NAME"};
    t.rows = {{"Maria Santos"}};
    t.max_width = {6};
    apply_fit(t, TableFit{20, false});
    CHECK(t.fit_width == 20);
    CHECK(printed(t) == "NAME\nMaria\u2026\n");
    apply_fit(t, TableFit{20, true});
    CHECK(t.fit_width == 0);
    CHECK(printed(t) == "NAME\nMaria Santos\n");
  }
}
