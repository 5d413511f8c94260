#include "cmd_rules.hpp"

#include "matchday/knockout.hpp"

namespace matchday::cli {

CLI::App* add_rules_command(CLI::App& app, RulesCommand& cmd) {
  CLI::App* sub = app.add_subcommand("rules", "List the rule presets, or print one (or a rules file) in full");
  sub->add_option("name", cmd.name, "A preset name, or a rules file to check and print");
  // The common options but --rules (the command's argument) and --delimiter
  // (a rules file is not CSV): --format for the list, --encoding for a file.
  add_common_options(*sub, cmd.common);
  sub->remove_option(sub->get_option("--rules"));
  sub->remove_option(sub->get_option("--delimiter"));
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
    std::string out = render({s}, ctx.format, render_options(cmd.common, ctx));
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
  // The file as the library writes it, with how the command line uses it
  // after its first two comment lines.
  std::string text = format_rules(*rules);
  std::size_t second = text.find('\n');
  second = second == std::string::npos ? text.size() : text.find('\n', second + 1);
  text.insert(second == std::string::npos ? text.size() : second + 1,
              "# Use: matchday standings --rules this-file.rules results.csv\n");
  return emit_text(cmd.common, ctx, std::move(text), k_exit_ok);
}

}  // namespace matchday::cli
