#include "app.hpp"

#include <sstream>

#include "cmd_discipline.hpp"
#include "cmd_eligibility.hpp"
#include "cmd_scorers.hpp"
#include "cmd_standings.hpp"
#include "cmd_fixtures.hpp"
#include "cmd_knockout.hpp"
#include "cmd_rules.hpp"
#include "help.hpp"
#include "platform.hpp"

namespace matchday::cli {

namespace {

// Every option takes exactly one value per use (repeat the option for more):
// CLI11 lets an option bound to a list take every argument that follows it,
// so `--group B a.csv b.csv` would read both files as group names.
void one_value_per_use(CLI::App& app) {
  for (CLI::Option* o : app.get_options()) {
    if (!o->get_positional() && o->get_items_expected_max() > 1) o->allow_extra_args(false);
  }
  for (CLI::App* sub : app.get_subcommands({})) one_value_per_use(*sub);
}

}  // namespace


std::string called_name(const std::vector<std::string>& args) {
  if (args.empty()) return "matchday";
  std::string name = args[0].substr(args[0].find_last_of(platform::k_path_separators) + 1);
  if (name.size() > 4 && fold_key(name.substr(name.size() - 4)) == ".exe") name.resize(name.size() - 4);
  return name;
}

namespace {

// Builds the command line, then either runs it (`audit` null) or stores in
// `audit` the help texts it found without a current catalogue entry and runs
// nothing.
int build_and_run(std::vector<std::string> args, Output& io, std::vector<std::string>* audit) {
  CLI::App app{"matchday: group standings and player eligibility for football competitions"};
  app.name("matchday");
  app.set_version_flag("--version", std::string("matchday ") + MATCHDAY_VERSION);
  app.require_subcommand(1);
  // Options are -x and --name on every system: CLI11 on Windows would also take
  // /name for one, and so a path such as /tmp/a.csv (under Wine, or in Git Bash).
  app.allow_windows_style_options(false);
  app.footer(
      "Examples:\n"
      "  matchday standings examples/groupA.csv\n"
      "  matchday eligibility --category A-M examples/rosters/\n"
      "  matchday rules qinghai-youth-2025\n"
      "Run `matchday COMMAND --help` for a command's options.");

  StandingsCommand standings;
  CLI::App* standings_app = add_standings_command(app, standings);
  FixturesCommand fixtures;
  CLI::App* fixtures_app = add_fixtures_command(app, fixtures);
  KnockoutCommand knockout;
  CLI::App* knockout_app = add_knockout_command(app, knockout);
  RulesCommand rules;
  CLI::App* rules_app = add_rules_command(app, rules);
  EligibilityCommand eligibility;
  CLI::App* eligibility_app = add_eligibility_command(app, eligibility);
  ScorersCommand scorers;
  CLI::App* scorers_app = add_scorers_command(app, scorers);
  DisciplineCommand discipline;
  CLI::App* discipline_app = add_discipline_command(app, discipline);
  LineupCommand lineup;
  CLI::App* lineup_app = add_lineup_command(app, lineup);

  one_value_per_use(app);

  // Help, labels and parse errors in the user's language (--lang is only parsed below).
  const std::vector<std::string> untranslated = localise_help(app, help_language(args, io.env_lang));
  if (audit) {
    *audit = untranslated;
    return k_exit_ok;
  }

  // Called by another name (an installed link): run that subcommand.
  const std::string called = called_name(args);
  if (called == "standings" || called == "eligibility") {
    args.insert(args.begin() + 1, called);
  }
  std::vector<std::string> rest(args.rbegin(), args.rend());
  if (!rest.empty()) rest.pop_back();  // the program name
  try {
    app.parse(rest);
  } catch (const CLI::ParseError& e) {
    std::ostringstream out, err;
    const int code = app.exit(e, out, err);
    io.out += out.str();
    io.err += err.str();
    return code == 0 ? k_exit_ok : k_exit_error;
  }
  if (standings_app->parsed()) return run_standings(standings, io);
  if (fixtures_app->parsed()) return run_fixtures(fixtures, io);
  if (knockout_app->parsed()) return run_knockout(knockout, io);
  if (rules_app->parsed()) return run_rules(rules, io);
  if (eligibility_app->parsed()) return run_eligibility(eligibility, io);
  if (scorers_app->parsed()) return run_scorers(scorers, io);
  if (discipline_app->parsed()) return run_discipline(discipline, io);
  if (lineup_app->parsed()) return run_lineup(lineup, io);
  return k_exit_error;
}

}  // namespace

int run_cli(std::vector<std::string> args, Output& io) { return build_and_run(std::move(args), io, nullptr); }

std::vector<std::string> untranslated_help() {
  Output io;
  std::vector<std::string> problems;
  build_and_run({"matchday"}, io, &problems);
  return problems;
}

}  // namespace matchday::cli
