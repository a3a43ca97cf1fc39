#pragma once
// Helpers the subcommands share: naming clients, reading dates and text
// from options, prompting, and reading a record that is about to change.
#include <string>
#include <vector>

#include "caseload/cli/context.hpp"
#include "caseload/core/match.hpp"
#include "caseload/store/document.hpp"

namespace caseload {

// The client a command-line word names (ID, unique prefix, unique name);
// throws Error listing the candidates when it is ambiguous or names none.
// A client whose client.yaml cannot be parsed stops the command (the error
// names the place), unless the command is the one that fixes it (edit).
enum class BrokenRecord { Refuse, Allow };
std::string resolve_client_id(const Store& store, const std::string& query,
                              BrokenRecord broken_record = BrokenRecord::Refuse);
// The same, with the client's record as read, for commands that use it: the
// one read of client.yaml they need. With BrokenRecord::Allow a record that
// cannot be parsed gives none.
struct ResolvedClient {
  std::string id;
  std::optional<Document> record;
};
ResolvedClient resolve_client(const Store& store, const std::string& query,
                              BrokenRecord broken_record = BrokenRecord::Refuse);
// Every readable client's key; the clients whose record cannot be read are
// left out, each with a warning (and, when asked, in `unreadable`).
struct UnreadableClient;
std::vector<ClientKey> load_client_keys(const Store& store, Diagnostics* warnings,
                                        std::vector<UnreadableClient>* unreadable = nullptr);

// A date option in any SPEC 3 form; a bad one is a usage error naming the flag.
Date parse_date_option(const std::string& value, const std::string& flag, const Date& today);
// A date with an optional time: any SPEC 3 date form, optionally followed by
// THH:MM or a space and HH:MM ("2026-11-26T10:00", "tomorrow 14:30").
DateTime parse_datetime_option(const std::string& value, const std::string& flag, const Date& today);
Period parse_period_option(const std::string& value, const std::string& flag);

// Dates a new record cannot have: `what` (e.g. "a birth date") after today is
// a usage error naming the flag, with `hint` saying what to do instead.
void refuse_future_date(const Date& date, const Date& today, const std::string& flag, const std::string& what,
                        const std::string& hint);
// A date more than a year back (far_past_limit) is recorded, with a warning:
// it may be a mistyped year.
void warn_far_past_date(Context& ctx, const Date& date, const Date& today, const std::string& flag);

// One line of text from an option: trimmed, NFC, no control characters.
std::string one_line_option(const std::string& value, const std::string& flag);
// Free text from an option: "-" reads standard input; NFC; a final newline.
std::string text_option(Context& ctx, const std::string& value, const std::string& flag);

// A report's --output FILE (relative to the working folder), written
// atomically and owner-only (store/fsutil atomic_write). Only a new file,
// or one that is a regular file, is replaced: a FIFO, a device or a link
// there is someone else's and stays as it is.
void write_output_file(const Context& ctx, const std::string& output, const std::string& text);

// Asks on the terminal; throws a usage error naming the flag when prompting
// is not possible (--no-input, or standard input is not a terminal).
std::string prompt_required(Context& ctx, const std::string& question, const std::string& flag);

// Reads a record that a command will change; a file that cannot be parsed
// stops the command (exit 1) and is left as it is.
Document read_for_update(const Store& store, const std::string& path, const Schema& schema);

// Runs $VISUAL / $EDITOR on a file through the shell, as git does.
void run_editor(Context& ctx, const std::string& path);

// The list under `key` of a record that a command appends to, created when
// absent; any other value there (a hand edit) stops the command, since
// replacing it would lose it.
YAML::Node list_for_update(Document& doc, std::string_view key);

// A comma-separated option ("contact,needs") as its trimmed, non-empty items.
std::vector<std::string> comma_list_option(const std::string& value, const std::string& flag);

// resources/<id>.yaml for a resource ID; anything but [a-z0-9-] is a usage error.
std::string resource_path(const std::string& id);
// The resource with this ID; throws Error (exit 1) when the directory has none.
Resource known_resource(const Store& store, const std::string& id);

}  // namespace caseload
