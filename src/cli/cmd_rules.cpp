#include "cmd_rules.hpp"

#include "matchday/knockout.hpp"

namespace matchday::cli {

CLI::App* add_rules_command(CLI::App& app, RulesCommand& cmd) {
  CLI::App* sub = app.add_subcommand("rules", "List the rule presets, or print one (or a rules file) in full");
  sub->add_option("name", cmd.name, "A preset name, or a rules file to check and print");
  CommonOptions& o = cmd.common;
  sub->add_option("--format", o.format, "Output format")
      ->check(CLI::IsMember({"table", "csv", "tsv", "json", "markdown", "xlsx"}, CLI::ignore_case))
      ->capture_default_str();
  sub->add_option("-o,--output", o.output, "Write to FILE (atomically) instead of standard output");
  sub->add_flag("--bom", o.bom, "Start the output with a UTF-8 byte-order mark (for Excel)");
  sub->add_option("--encoding", o.encoding, "Input encoding")
      ->check(CLI::IsMember({"auto", "utf-8", "utf8", "gb18030", "gbk"}, CLI::ignore_case))
      ->capture_default_str();
  sub->add_option("--lang", o.lang, "Language of labels and messages (default: from LANG)")
      ->check(CLI::IsMember({"en", "zh"}, CLI::ignore_case));
  sub->footer(
      "Examples:\n"
      "  matchday rules\n"
      "  matchday rules qinghai-youth-2025 -o my-cup.rules\n"
      "  matchday rules my-cup.rules\n"
      "Edit the printed file and pass it to any command with --rules my-cup.rules.");
  return sub;
}

int run_rules(const RulesCommand& cmd, Output& io) {
  Context ctx = make_context(cmd.common, io);
  if (cmd.name.empty()) {
    const bool text = ctx.format == Format::table || ctx.format == Format::markdown;
    Sheet s;
    for (const char* key : {"preset", "title", "citation"}) {
      Column c;
      c.key = key;
      c.label = tr(ctx, std::string(text ? "col." : "key.") + key);
      s.columns.push_back(std::move(c));
    }
    for (std::string_view name : preset_names()) {
      const Rules r = *preset(name);
      std::string shown(name);
      if (text && name == k_default_preset) shown += tr(ctx, "rules.default_mark");
      s.rows.push_back({shown, r.title, r.citation});
    }
    if (!text) return emit(cmd.common, ctx, {s}, k_exit_ok);
    std::string out = render({s}, ctx.format, RenderOptions{.chinese_headers = ctx.lang == Lang::zh});
    out += "\n" + tr(ctx, "rules.list_footer") + "\n";
    return emit_text(cmd.common, ctx, std::move(out), k_exit_ok);
  }
  // A preset by name; anything else is a rules file to check.
  CommonOptions o = cmd.common;
  o.rules = cmd.name;
  std::optional<Rules> rules = load_rules(o, ctx);
  if (!rules) return k_exit_error;
  if (!rules->pairing.empty()) {
    const PairingParse p = parse_pairing(rules->pairing, preset(cmd.name) ? "" : cmd.name, "pairing");
    if (report(p.diagnostics, ctx)) return k_exit_error;
  }
  return emit_text(cmd.common, ctx, format_rules(*rules), k_exit_ok);
}

}  // namespace matchday::cli
