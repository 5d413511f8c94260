// What every subcommand shares: the common options, loading rules and input
// files, reporting diagnostics, and writing the output (-o atomically).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <type_traits>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "io.hpp"
#include "matchday/diagnostic.hpp"
#include "matchday/messages.hpp"
#include "matchday/rules.hpp"
#include "matchday/text.hpp"
#include "render.hpp"

namespace matchday::cli {

// Exit codes (docs/spec.md §1).
inline constexpr int k_exit_ok = 0;
inline constexpr int k_exit_findings = 1;
inline constexpr int k_exit_error = 2;

// Where a large text output is written as it is made, piece by piece, instead
// of being collected whole in Output::out (main: standard output; a test: a
// string). A sink that fails keeps failing: later writes do nothing.
class OutputSink {
 public:
  virtual ~OutputSink() = default;
  // Writes `text`; false when it could not (now or before).
  virtual bool write(std::string_view text) = 0;
};

// Text collected by a run; main() writes it (stdout, stderr).
struct Output {
  std::string out;
  std::string err;
  bool stdout_is_terminal = false;
  bool no_colour = false;  // NO_COLOR is set, or TERM=dumb
  std::string env_lang;    // LC_ALL / LC_MESSAGES / LANG, for the default --lang
  Lang lang = Lang::en;    // the chosen language (make_context), for what main() reports
  // Standard output as a sink, for an output too large to hold (emit_pieces);
  // none (as in most tests): everything goes to `out`. Whoever owns the sink
  // reports a failed write, as main does for `out`.
  OutputSink* stream = nullptr;
};

struct CommonOptions {
  std::string rules{k_default_preset};
  std::string format;  // empty: from the -o name, else table
  std::string output;
  bool bom = false;
  std::string encoding = "auto";
  std::string lang;  // empty: from the environment
  std::string delimiter;
  std::string sheet;  // --sheet: a workbook's sheet by name or number
};

void add_common_options(CLI::App& cmd, CommonOptions& o);

// The resolved common options.
struct Context {
  Output& io;
  Lang lang = Lang::en;
  Format format = Format::table;
  EncodingChoice encoding = EncodingChoice::automatic;
  char delimiter = 0;  // 0: sniff per file
  std::string sheet = {};  // --sheet, as given (empty: the default sheets)
};
Context make_context(const CommonOptions& o, Output& io);

// A preset by name, or a rules file by path. Reports problems to io.err.
std::optional<Rules> load_rules(const CommonOptions& o, Context& ctx);

// One input, read and decoded. `file` owns the bytes that `text` may view.
// A workbook's sheet is one input too: its cells as CSV text (workbook.hpp),
// line N being row N, in decoded.storage.
struct TextInput {
  std::string name;  // as the user gave it
  InputFile file;
  DecodedText decoded;
  std::string source;  // the name messages give: `name`, or "name[Sheet1]" for a sheet
  std::string sheet;   // the sheet's name; empty for a text file
  bool workbook = false;
  // The delimiter to read `decoded.text` with: a sheet's text is always
  // comma-separated; otherwise --delimiter (0: sniff).
  [[nodiscard]] char delimiter(const struct Context& ctx) const;
};

// Reads and decodes `path`; on failure adds a diagnostic and returns false.
// `defer_utf8_check`: see decode_text (the caller checks, or calls decode_input).
bool read_text(const std::string& path, const Context& ctx, TextInput& in, std::vector<Diagnostic>& diags,
               bool defer_utf8_check = false);
// Reads `path` as tables: a text file is one (as read_text reads it); a
// workbook (.xlsx, .xlsm, .xls, or bytes that are one) gives the sheet
// --sheet names, or by default the first visible sheet with cells, or, with
// `all_sheets`, every visible sheet with cells. On failure adds a diagnostic
// and returns false.
bool read_tables(const std::string& path, const Context& ctx, std::vector<TextInput>& out,
                 std::vector<Diagnostic>& diags, bool all_sheets, bool defer_utf8_check = false);
// Whether `path` with these bytes is a workbook (read_tables reads its sheets).
bool is_workbook(const std::string& path, std::string_view bytes);
// The sheets of the workbook `file` (opened from `path`), as read_tables gives them.
bool read_workbook(const std::string& path, InputFile& file, const Context& ctx, std::vector<TextInput>& out,
                   std::vector<Diagnostic>& diags, bool all_sheets);
// Rewrites the positions of diags[from...] about `in`, a sheet, into the
// cells a user can click: "name[Sheet1]:B7" (workbook.hpp place_in_sheet).
void place_diagnostics(const TextInput& in, std::vector<Diagnostic>& diags, std::size_t from);

// Decodes in.file again, checking all of it; on failure adds a diagnostic
// and returns false.
bool decode_input(const Context& ctx, TextInput& in, std::vector<Diagnostic>& diags);

// Threads to read one large file or many files on: the machine's cores, at most 8.
unsigned reader_threads();

// Keeps `value` to the end of the process instead of freeing it now, still
// reachable (leak checkers stay quiet): the process ends right after a run,
// and the system takes the memory back at once, where freeing a million
// roster rows one by one took about 20 ms (clang's BuryPointer does the same
// with its syntax trees). Commands use it only for large runs (k_keep_rows
// rows or more); a smaller one frees as usual, so calling run_cli again and
// again keeps nothing.
inline constexpr std::size_t k_keep_rows = 100000;
template <class T>
void keep_to_the_end(T&& value) {
  static auto* const kept = new std::vector<std::shared_ptr<void>>;  // never freed, on purpose
  kept->push_back(std::make_shared<std::decay_t<T>>(std::forward<T>(value)));
}

// Writes every diagnostic to io.err, one per line; returns true if any is an error.
bool report(const std::vector<Diagnostic>& diags, Context& ctx);

// A message from the catalogue with args, in the chosen language.
std::string tr(const Context& ctx, std::string_view code, std::vector<std::string> args = {});

// The rendered sheets to -o (atomically) or to stdout; returns the exit code
// to use when all went well (`ok_code`), or k_exit_error. Format::xlsx writes
// a workbook (xlsx.hpp) and needs -o; an -o ending in .xlsx with another
// --format than table is a usage error (Excel would not open the file).
int emit(const CommonOptions& o, Context& ctx, const std::vector<Sheet>& sheets, int ok_code);
// The same for text already rendered (a usage error under Format::xlsx).
int emit_text(const CommonOptions& o, Context& ctx, std::string text, int ok_code);

// The same for text made piece by piece: `produce` gives each piece, in
// order, to the function it is passed. Bound for standard output (and
// io.stream set), each piece is written as it comes, so that a large
// output is never all in memory; otherwise the pieces are joined and go
// where emit_text sends them.
using PieceSink = std::function<void(std::string_view)>;
int emit_pieces(const CommonOptions& o, Context& ctx, const std::function<void(const PieceSink&)>& produce,
                int ok_code);

// True when the output goes to standard output: no -o, or `-o -`.
bool to_stdout(const CommonOptions& o);

// How every command renders its sheets. Colour (the one colour rule): only the
// text table, only to standard output (no -o, or `-o -`), only when that is a
// terminal, and not under NO_COLOR or TERM=dumb. CSV/TSV headers: the labels
// under --lang zh, the keys otherwise.
RenderOptions render_options(const CommonOptions& o, const Context& ctx);

// The format an output file's name asks for (`.csv`, `.tsv`, `.json`, `.md`,
// `.xlsx`, any case), or none.
std::optional<std::string_view> format_of_name(const std::string& path);

// Checked before anything is read: -o and --format agree, and -o names none
// of `inputs` (nor the rules file), nor a table inside an input folder.
// Reports the problem and returns false.
bool output_usage_ok(const CommonOptions& o, Context& ctx, const std::vector<std::string>& inputs);

// Whether the output starts with a UTF-8 byte-order mark: --bom, or CSV
// written to a `.csv` file (what Excel opens by double-click).
bool wants_bom(const CommonOptions& o, const Context& ctx);

// True when `path` ends in .xlsx (any case): -o names an Excel workbook.
bool names_workbook(const std::string& path);

// Adds column `key` to `s`, labelled in the context's language: the short
// table label (`col.KEY`) for table/markdown, the CSV header (`key.KEY`) otherwise.
void add_column(Sheet& s, const Context& ctx, std::string key, bool numeric, bool in_table = true,
                bool optional = false);

// `path`'s file name without directory and extension ("groupA" for data/groupA.csv).
std::string file_stem(const std::string& path);

// A path for std::filesystem from a UTF-8 name (on Windows a plain std::string
// would be read in the ANSI code page, and Chinese names lost).
std::filesystem::path utf8_path(const std::string& utf8);

}  // namespace matchday::cli
