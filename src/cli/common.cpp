#include "common.hpp"

#include <algorithm>
#include <filesystem>
#include <thread>

#include "cli_messages.hpp"
#include "platform.hpp"
#include "matchday/integrity.hpp"
#include "matchday/workbook.hpp"
#include "xls.hpp"
#include "xlsx.hpp"

namespace matchday::cli {

void add_common_options(CLI::App& cmd, CommonOptions& o) {
  cmd.add_option("--rules", o.rules, "Rule preset name or rules file (see `matchday rules`)")
      ->capture_default_str();
  cmd.add_option("--format", o.format, "Output format")
      ->check(CLI::IsMember({"table", "csv", "tsv", "json", "markdown", "xlsx"}, CLI::ignore_case))
      ->default_str("table");
  cmd.add_option("-o,--output", o.output, "Write to FILE (atomically) instead of standard output");
  cmd.add_flag("--bom", o.bom, "Start the output with a UTF-8 byte-order mark (for Excel)");
  cmd.add_option("--encoding", o.encoding, "Input encoding")
      ->check(CLI::IsMember({"auto", "utf-8", "utf8", "gb18030", "gbk"}, CLI::ignore_case))
      ->capture_default_str();
  cmd.add_option("--lang", o.lang, "Language of labels and messages (default: from LANG)")
      ->check(CLI::IsMember({"en", "zh"}, CLI::ignore_case));
  cmd.add_option("--delimiter", o.delimiter, "Input field separator: ',', ';' or '\\t' (default: guessed)");
  cmd.add_option("--sheet", o.sheet,
                 "Sheet of a workbook to read: its name, or its number among the visible sheets (default: the first "
                 "visible sheet; rosters: every visible sheet that holds one)");
}

Context make_context(const CommonOptions& o, Output& io) {
  Context ctx{io};
  std::string lang = fold_key(o.lang);
  if (lang.empty()) lang = io.env_lang.starts_with("zh") ? "zh" : "en";
  ctx.lang = lang == "zh" ? Lang::zh : Lang::en;
  io.lang = ctx.lang;
  set_interrupt_message("matchday: " + tr(ctx, "interrupted"));
  // No --format: the -o name says it (`-o 积分榜.csv` is CSV), else a table.
  const std::string f = o.format.empty() ? std::string(format_of_name(o.output).value_or("table")) : fold_key(o.format);
  ctx.format = f == "csv" ? Format::csv : f == "tsv" ? Format::tsv : f == "json" ? Format::json
             : f == "markdown" ? Format::markdown : f == "xlsx" ? Format::xlsx : Format::table;
  const std::string e = fold_key(o.encoding);
  ctx.encoding = e == "gb18030" || e == "gbk" ? EncodingChoice::gb18030
               : e == "utf_8" || e == "utf8" ? EncodingChoice::utf8 : EncodingChoice::automatic;
  if (o.delimiter == "\\t" || o.delimiter == "\t" || fold_key(o.delimiter) == "tab") {
    ctx.delimiter = '\t';
  } else if (o.delimiter.size() == 1) {
    ctx.delimiter = o.delimiter[0];
  }
  ctx.sheet = o.sheet;
  return ctx;
}

std::string tr(const Context& ctx, std::string_view code, std::vector<std::string> args) {
  return substitute(cli_template(code, ctx.lang), args);
}

std::optional<Rules> load_rules(const CommonOptions& o, Context& ctx) {
  if (auto p = preset(o.rules)) return p;
  std::vector<Diagnostic> diags;
  TextInput in;
  const bool looks_like_file = o.rules.find('/') != std::string::npos || o.rules.find('.') != std::string::npos;
  if (!looks_like_file) {
    std::string names;
    for (std::string_view n : preset_names()) names += (names.empty() ? "" : ", ") + std::string(n);
    ctx.io.err += "matchday: " + tr(ctx, "unknown_rules", {o.rules, names}) + "\n";
    return std::nullopt;
  }
  if (!read_text(o.rules, ctx, in, diags)) {
    report(diags, ctx);
    return std::nullopt;
  }
  RulesParse parsed = parse_rules(in.decoded.text, o.rules);
  if (report(parsed.diagnostics, ctx)) return std::nullopt;
  return std::move(parsed.rules);
}

char TextInput::delimiter(const Context& ctx) const { return workbook ? ',' : ctx.delimiter; }

namespace {

enum class Book { none, xlsx, xls };

// Moves `from` into `to`, keeping decoded.text a view into decoded.storage
// when it was one (a short string's characters move with it).
void move_input(TextInput& to, TextInput&& from) {
  const std::string& s = from.decoded.storage;
  const std::string_view t = from.decoded.text;
  const bool inside = !s.empty() && t.data() >= s.data() && t.data() <= s.data() + s.size();
  const std::size_t offset = inside ? static_cast<std::size_t>(t.data() - s.data()) : 0;
  to = std::move(from);
  if (inside) to.decoded.text = std::string_view(to.decoded.storage).substr(offset, t.size());
}

std::string extension(const std::string& path) {
  const std::size_t slash = path.find_last_of('/');
  const std::size_t dot = path.rfind('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return {};
  return fold_key(path.substr(dot));
}

// Whether `path` (with these bytes) is a workbook: by its bytes first (a
// workbook named .csv is still one), then by its name.
Book book_kind(const std::string& path, std::string_view bytes) {
  if (looks_like_zip(bytes)) return Book::xlsx;
  if (looks_like_ole2(bytes)) return Book::xls;  // or an encrypted .xlsx: read_sheets tells
  const std::string ext = extension(path);
  if (ext == ".xls") return Book::xls;
  if (ext == ".xlsx" || ext == ".xlsm") return Book::xlsx;  // open_workbook says what it is instead
  return Book::none;
}

struct SheetSource {
  std::string name;
  bool visible = true;
  std::function<bool(std::string&)> text;  // the sheet's CSV text
};

std::string quoted_names(const std::vector<SheetSource>& sheets) {
  std::string out;
  for (const SheetSource& s : sheets) out += (out.empty() ? "\"" : ", \"") + s.name + "\"";
  return out;
}

bool read_sheets(const std::string& path, Book kind, const Context& ctx, InputFile& file, std::vector<TextInput>& out,
                 std::vector<Diagnostic>& diags, bool all_sheets) {
  std::vector<SheetSource> sheets;
  Workbook wb;
  std::vector<XlsSheet> xls;
  std::vector<Diagnostic> sheet_diags;  // a sheet's conversion errors
  if (kind == Book::xls) {
    if (path == "-") {
      diags.push_back({Severity::error, path, 0, "", "", "workbook.xls_stdin", {}});
      return false;
    }
    // An OLE2 file named .xlsx is an encrypted workbook (Excel keeps a
    // password-protected .xlsx in one), unless it is an .xls renamed.
    const std::string ext = extension(path);
    std::vector<Diagnostic> xls_diags;
    if (!read_xls(path, path, xls, xls_diags)) {
      if (ext == ".xlsx" || ext == ".xlsm") {
        diags.push_back({Severity::error, path, 0, "", "", "workbook.encrypted", {}});
      } else {
        diags.insert(diags.end(), xls_diags.begin(), xls_diags.end());
      }
      return false;
    }
    for (XlsSheet& x : xls) {
      sheets.push_back({x.name, true, [&x](std::string& t) {
                          t = std::move(x.text);
                          return true;
                        }});
    }
  } else {
    if (!open_workbook(file.bytes(), path, wb, diags)) return false;
    for (std::size_t k = 0; k < wb.sheets.size(); ++k) {
      sheets.push_back({wb.sheets[k].name, wb.sheets[k].visible,
                        [&, k](std::string& t) { return sheet_text(wb, k, path, t, sheet_diags); }});
    }
  }
  const auto add = [&](const SheetSource& s, std::string text) {
    TextInput t;
    t.name = path;
    t.sheet = s.name;
    t.source = path + "[" + s.name + "]";
    t.workbook = true;
    t.decoded.storage = std::move(text);
    out.push_back(std::move(t));
  };
  const auto convert = [&](SheetSource& s, std::string& text) {
    if (s.text(text)) return true;
    diags.insert(diags.end(), sheet_diags.begin(), sheet_diags.end());
    return false;
  };
  std::vector<SheetSource*> visible;
  for (SheetSource& s : sheets) {
    if (s.visible) visible.push_back(&s);
  }
  if (visible.empty()) {
    for (SheetSource& s : sheets) visible.push_back(&s);
  }
  std::string text;
  if (!ctx.sheet.empty()) {
    SheetSource* chosen = nullptr;
    for (SheetSource& s : sheets) {
      if (!chosen && s.name == ctx.sheet) chosen = &s;
    }
    for (SheetSource& s : sheets) {
      if (!chosen && fold_key(s.name) == fold_key(ctx.sheet)) chosen = &s;
    }
    const bool number = std::all_of(ctx.sheet.begin(), ctx.sheet.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!chosen && number && ctx.sheet.size() < 6) {
      const std::size_t n = std::stoul(ctx.sheet);
      if (n >= 1 && n <= visible.size()) chosen = visible[n - 1];
    }
    if (!chosen) {
      diags.push_back({Severity::error, path, 0, "", "", "workbook.no_such_sheet",
                       {ctx.sheet, quoted_names(sheets), std::to_string(visible.size())}});
      return false;
    }
    if (!convert(*chosen, text)) return false;
    if (text.empty()) {
      diags.push_back({Severity::error, path + "[" + chosen->name + "]", 0, "", "", "workbook.sheet_empty",
                       {quoted_names(sheets)}});
      return false;
    }
    add(*chosen, std::move(text));
    return true;
  }
  for (SheetSource* s : visible) {
    if (!convert(*s, text)) return false;
    if (text.empty()) continue;  // an empty sheet holds no table
    add(*s, std::move(text));
    if (!all_sheets) break;
  }
  if (out.empty()) {
    diags.push_back({Severity::error, path, 0, "", "", "workbook.no_sheets", {}});
    return false;
  }
  return true;
}

}  // namespace

bool is_workbook(const std::string& path, std::string_view bytes) { return book_kind(path, bytes) != Book::none; }

bool read_workbook(const std::string& path, InputFile& file, const Context& ctx, std::vector<TextInput>& out,
                   std::vector<Diagnostic>& diags, bool all_sheets) {
  const std::size_t first = out.size();
  const bool ok = read_sheets(path, book_kind(path, file.bytes()), ctx, file, out, diags, all_sheets);
  // The views into the texts, now that they no longer move.
  for (std::size_t k = first; k < out.size(); ++k) out[k].decoded.text = out[k].decoded.storage;
  return ok;
}

bool read_tables(const std::string& path, const Context& ctx, std::vector<TextInput>& out,
                 std::vector<Diagnostic>& diags, bool all_sheets, bool defer_utf8_check) {
  TextInput in;
  in.name = path;
  in.source = path;
  std::string error;
  if (!in.file.open(path, error)) {
    diags.push_back({Severity::error, path, 0, "", "", "cannot_read", {error}});
    return false;
  }
  if (is_workbook(path, in.file.bytes())) return read_workbook(path, in.file, ctx, out, diags, all_sheets);
  if (defer_utf8_check) {
    in.decoded = decode_text(in.file.bytes(), ctx.encoding, 1, true);
  } else if (!decode_input(ctx, in, diags)) {
    return false;
  }
  out.emplace_back();
  move_input(out.back(), std::move(in));
  return true;
}

bool read_text(const std::string& path, const Context& ctx, TextInput& in, std::vector<Diagnostic>& diags,
               bool defer_utf8_check) {
  std::vector<TextInput> tables;
  in = TextInput{};
  in.name = path;
  in.source = path;
  if (!read_tables(path, ctx, tables, diags, false, defer_utf8_check)) return false;
  move_input(in, std::move(tables.front()));
  return true;
}

void place_diagnostics(const TextInput& in, std::vector<Diagnostic>& diags, std::size_t from) {
  if (in.workbook) place_in_sheet(in.decoded.text, in.source, diags, from);
}

bool decode_input(const Context& ctx, TextInput& in, std::vector<Diagnostic>& diags) {
  in.decoded = decode_text(in.file.bytes(), ctx.encoding, reader_threads());
  if (in.decoded.error_offset) {
    const std::string enc(ctx.encoding == EncodingChoice::gb18030 ? "GB18030" : encoding_name(in.decoded.encoding));
    diags.push_back({Severity::error, in.name, 0, "", "", "bad_encoding", {enc, std::to_string(*in.decoded.error_offset)}});
    return false;
  }
  return true;
}

unsigned reader_threads() {
  // Asked once: glibc reads /sys/devices/system/cpu/online at every call.
  static const unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1U, 8U);
  return threads;
}

bool report(const std::vector<Diagnostic>& diags, Context& ctx) {
  bool errors = false;
  for (const Diagnostic& d : diags) {
    std::string line = format_diagnostic(d, ctx.lang);
    if (has_controls(line)) line = without_controls(line);  // a cell's escape sequence never reaches the terminal
    if (d.source.empty()) line = "matchday: " + line.substr(line.starts_with(": ") ? 2 : 0);
    // What the command line can add: the option that helps (the core names none).
    if (const std::string hint = "cli.hint." + d.code.str(); has_cli_entry(hint)) line += cli_template(hint, ctx.lang);
    ctx.io.err += line;
    ctx.io.err += '\n';
    errors = errors || d.severity == Severity::error;
  }
  return errors;
}

std::optional<std::string_view> format_of_name(const std::string& path) {
  const std::size_t dot = path.rfind('.');
  if (dot == std::string::npos || path.find('/', dot) != std::string::npos) return std::nullopt;
  const std::string ext = fold_key(path.substr(dot + 1));
  if (ext == "csv") return "csv";
  if (ext == "tsv") return "tsv";
  if (ext == "json") return "json";
  if (ext == "md" || ext == "markdown") return "markdown";
  if (ext == "xlsx") return "xlsx";
  return std::nullopt;
}

namespace {

// Whether `out` and `in` are one file, or `out` would be written into the
// folder `in` whose tables are read (the next run would read it as input).
bool writes_over(const std::string& out_name, const std::string& in_name) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path out = utf8_path(out_name);
  const fs::path in = utf8_path(in_name);
  if (fs::equivalent(out, in, ec)) return true;
  if (!fs::is_directory(in, ec)) return false;
  const fs::path parent = fs::weakly_canonical(out, ec).parent_path();
  if (ec || !fs::equivalent(parent, in, ec)) return false;
  const std::optional<std::string_view> f = format_of_name(out_name);
  return f == "csv" || f == "tsv" || f == "xlsx";
}

// A usage error of -o with the chosen format, reported; false when there is none.
bool output_mismatch(const CommonOptions& o, Context& ctx) {
  if (ctx.format == Format::xlsx && to_stdout(o)) {
    ctx.io.err += "matchday: " + tr(ctx, "xlsx_needs_output") + "\n";
    return true;
  }
  if (ctx.format != Format::xlsx && names_workbook(o.output)) {
    ctx.io.err += "matchday: " + tr(ctx, "xlsx_format_mismatch", {o.output, fold_key(o.format)}) + "\n";
    return true;
  }
  // `--format json -o 积分榜.csv`: the name and the format disagree.
  const std::optional<std::string_view> named = format_of_name(o.output);
  if (!o.format.empty() && named && *named != fold_key(o.format)) {
    ctx.io.err += "matchday: " + tr(ctx, "output_format_mismatch", {o.output, fold_key(o.format), std::string(*named)}) + "\n";
    return true;
  }
  return false;
}

}  // namespace

bool output_usage_ok(const CommonOptions& o, Context& ctx, const std::vector<std::string>& inputs) {
  if (output_mismatch(o, ctx)) return false;
  if (o.output.empty() || o.output == "-") return true;
  std::vector<std::string> all = inputs;
  if (!preset(o.rules)) all.push_back(o.rules);
  for (const std::string& in : all) {
    if (in.empty() || in == "-" || !writes_over(o.output, in)) continue;
    ctx.io.err += "matchday: " + tr(ctx, is_directory(in) ? "output_in_input_folder" : "output_is_input",
                                   {o.output, in}) + "\n";
    return false;
  }
  return true;
}

namespace {

}  // namespace

int emit_text(const CommonOptions& o, Context& ctx, std::string text, int ok_code) {
  if (output_mismatch(o, ctx)) return k_exit_error;
  if (ctx.format == Format::xlsx) {
    ctx.io.err += "matchday: " + tr(ctx, "xlsx_text_only") + "\n";
    return k_exit_error;
  }
  if (wants_bom(o, ctx)) text.insert(0, "\xEF\xBB\xBF");
  if (to_stdout(o)) {
    // A terminal acts on control characters: a cell's escape sequence is
    // shown as nothing, not obeyed (the table and Markdown clean their cells
    // as they render them, and keep their own colours).
    const bool cells_cleaned = ctx.format == Format::table || ctx.format == Format::markdown;
    if (ctx.io.stdout_is_terminal && !cells_cleaned && has_controls(text)) text = without_controls(text);
    // Moved, not copied, when it is all there is: a large output is not held twice.
    if (ctx.io.out.empty()) {
      ctx.io.out = std::move(text);
    } else {
      ctx.io.out += text;
    }
    return ok_code;
  }
  std::string error;
  if (!write_file_atomically(o.output, text, error)) {
    ctx.io.err += "matchday: " + tr(ctx, "cannot_write", {o.output, error}) + "\n";
    return k_exit_error;
  }
  return ok_code;
}

int emit_pieces(const CommonOptions& o, Context& ctx, const std::function<void(const PieceSink&)>& produce,
                int ok_code) {
  Output& io = ctx.io;
  if (output_mismatch(o, ctx)) return k_exit_error;
  if (io.stream == nullptr || !io.out.empty() || !to_stdout(o) ||
      ctx.format == Format::xlsx) {
    std::string text;
    produce([&](std::string_view piece) { text += piece; });
    return emit_text(o, ctx, std::move(text), ok_code);
  }
  // A reader that went away, a full disk: the sink stops writing, and its
  // owner (main) says so, once. A terminal acts on control characters: a
  // cell's escape sequence is shown as nothing, not obeyed.
  if (o.bom) io.stream->write("\xEF\xBB\xBF");
  produce([&](std::string_view piece) {
    if (io.stdout_is_terminal && has_controls(piece)) {
      io.stream->write(without_controls(piece));
    } else {
      io.stream->write(piece);
    }
  });
  return ok_code;
}

int emit(const CommonOptions& o, Context& ctx, const std::vector<Sheet>& sheets, int ok_code) {
  if (output_mismatch(o, ctx)) return k_exit_error;
  if (ctx.format == Format::xlsx) {
    std::string error;
    const bool written = write_file_atomically_with(
        o.output, [&](const std::string& tmp, std::string& e) { return write_xlsx(sheets, tmp, e); }, error);
    if (!written) {
      ctx.io.err += "matchday: " + tr(ctx, "cannot_write", {o.output, error}) + "\n";
      return k_exit_error;
    }
    return ok_code;
  }
  return emit_text(o, ctx, render(sheets, ctx.format, render_options(o, ctx)), ok_code);
}

bool to_stdout(const CommonOptions& o) { return o.output.empty() || o.output == "-"; }

RenderOptions render_options(const CommonOptions& o, const Context& ctx) {
  return {.colour = ctx.format == Format::table && to_stdout(o) && ctx.io.stdout_is_terminal && !ctx.io.no_colour,
          .chinese_headers = ctx.lang == Lang::zh};
}

bool wants_bom(const CommonOptions& o, const Context& ctx) {
  return o.bom || (ctx.format == Format::csv && format_of_name(o.output) == "csv");
}

std::filesystem::path utf8_path(const std::string& utf8) {
  return std::filesystem::path(std::u8string(utf8.begin(), utf8.end()));
}

bool names_workbook(const std::string& path) {
  return path.size() > 5 && fold_key(path.substr(path.size() - 5)) == ".xlsx";
}

void add_column(Sheet& s, const Context& ctx, std::string key, bool numeric, bool in_table, bool optional) {
  const bool text = ctx.format == Format::table || ctx.format == Format::markdown;
  Column c;
  c.label = tr(ctx, (text ? "col." : "key.") + key);
  c.key = std::move(key);
  c.numeric = numeric;
  c.in_table = in_table;
  c.optional = optional;
  s.columns.push_back(std::move(c));
}

std::string file_stem(const std::string& path) {
  std::string name = path.substr(path.find_last_of(platform::k_path_separators) + 1);
  const std::size_t dot = name.rfind('.');
  if (dot != std::string::npos && dot > 0) name.resize(dot);
  return name;
}

}  // namespace matchday::cli
