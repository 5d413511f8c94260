// The command line's own texts: its help, CLI11's labels and parse errors, the
// messages about its options and output, and the hints it adds to the core's
// messages. The same form as the core's catalogue (src/core/messages.cpp):
// {code, English, Chinese}, {0}, {1}, ... for the arguments.
//
// WHERE NEW ENTRIES GO: a new subcommand's help texts (help.<command>,
// help.<command>.footer, help.<command>.<option>) and its option messages go
// in one block with a comment header naming the command, at the END of
// k_cli_catalogue below, so that parallel branches merge cleanly.
#include "cli_messages.hpp"

namespace matchday::cli {
namespace {

constexpr MessageEntry k_cli_catalogue[] = {
    // Output: -o and --format.
    {"xlsx_needs_output", "an Excel workbook is a file, not text for the screen: name it with -o, e.g. -o standings.xlsx",
     "Excel 工作簿是文件，不能显示在屏幕上：请用 -o 指定文件名，例如 -o standings.xlsx"},
    {"xlsx_format_mismatch",
     "-o {0} names an Excel workbook but --format is {1}, which Excel would refuse to open; drop --format, or name the file .{1}",
     "-o {0} 是 Excel 工作簿文件名，但 --format 为 {1}，Excel 将无法打开；请去掉 --format，或把文件扩展名改为 .{1}"},
    {"xlsx_text_only",
     "this output is text, not a table, so it cannot be an Excel workbook: leave out --format xlsx and give -o a name that does not end in .xlsx",
     "此输出是文本而不是表格，不能写成 Excel 工作簿：请去掉 --format xlsx，并给 -o 一个不以 .xlsx 结尾的文件名"},

    // The command line's own words (help.cpp): CLI11's help labels and type
    // names, and its parse errors in Chinese (English keeps CLI11's wording).
    {"help.label.Usage", "Usage", "用法"},
    {"help.label.OPTIONS", "OPTIONS", "选项"},
    {"help.label.SUBCOMMAND", "SUBCOMMAND", "子命令"},
    {"help.label.SUBCOMMANDS", "SUBCOMMANDS", "子命令"},
    {"help.label.Positionals", "Positionals", "参数"},
    {"help.label.REQUIRED", "REQUIRED", "（必需）"},
    {"help.label.Env", "Env", "环境变量"},
    {"help.label.Needs", "Needs", "需要"},
    {"help.label.Excludes", "Excludes", "不能同时使用"},
    {"help.label.Options", "Options", "选项"},
    {"help.label.Subcommands", "Subcommands", "子命令"},
    {"help.type.TEXT", "TEXT", "文本"},
    {"help.type.INT", "INT", "整数"},
    {"help.type.UINT", "UINT", "非负整数"},
    {"help.type.FLOAT", "FLOAT", "数字"},
    {"help.type.NUMBER", "NUMBER", "数字"},
    {"cli.run_help", "Run with --help for more information.", "加上 --help 可查看用法说明。"},
    {"cli.extras", "the following arguments were not expected: {0}", "无法识别的参数：{0}（可用的选项见 --help）"},
    {"cli.subcommand_required", "a subcommand is required", "缺少子命令：请在 matchday 后面写 standings、eligibility、fixtures、knockout 或 rules"},
    {"cli.required", "{0} is required", "缺少必需的参数：{0}"},
    {"cli.not_in", "{0}: {1} not in {2}", "{0}：不能是“{1}”；可选值为 {2}"},
    {"cli.below_minimum", "{0}: {1} must be at least {2}", "{0}：{1} 不能小于 {2}"},
    {"cli.not_number", "{0}: \"{1}\" is not a number; give a whole number such as 2", "{0}：“{1}”不是数字；请给出整数，例如 2"},
    {"cli.not_in_range", "{0}: {1} must be between {2} and {3}", "{0}：{1} 必须在 {2} 到 {3} 之间"},
    {"cli.no_file", "{0}: file does not exist: {1}", "{0}：文件不存在：{1}"},
    {"cli.bad_path", "{0}: not a usable path: {1}", "{0}：路径不可用：{1}"},
    {"cli.invalid", "{0}: {1}", "{0} 的值无效：{1}"},
    {"cli.conversion", "{0}: cannot read \"{1}\"", "{0}：无法理解“{1}”；请检查该值（例如应为整数）"},
    {"cli.conversion_swapped", "{1}: cannot read \"{0}\"", "{1}：无法理解“{0}”；请检查该值（例如应为整数）"},
    {"cli.flag_value", "{0} takes no value", "{0} 是开关选项，不能带值"},
    {"cli.missing_value", "{0} needs a value", "{0} 后面缺少值"},
    {"cli.argument_count", "{1} takes exactly {0} values, got {2}", "{1} 需要正好 {0} 个值，实际给了 {2} 个"},
    {"cli.argument_count_min", "{1} takes at least {0} values, got {2}", "{1} 至少需要 {0} 个值，实际给了 {2} 个"},
    {"cli.excludes", "{0} cannot be used with {1}", "{0} 不能与 {1} 同时使用"},
    {"cli.requires", "{0} needs {1}", "{0} 需要同时使用 {1}"},
    {"cli.other", "{0}", "命令行参数有误：{0}"},

    // Hints the command line adds to a core message of the same code
    // (cli.hint.<code>, appended by report()): the core names no flag.
    {"cli.hint.bad_encoding", ", or pass --encoding", "，或使用 --encoding 指定编码"},

    // Help texts: help.<command>, help.<command>.footer, help.<command>.<option>;
    // help.common.<option> for the options every command shares. The English
    // must equal the text in the code (tests/test_help.cpp checks it).
    {"help.common.help", "Print this help message and exit", "显示本帮助并退出"},
    {"help.common.rules", "Rule preset name or rules file (see `matchday rules`)",
     "规则预设名称或规则文件（见 `matchday rules`）"},
    {"help.common.format", "Output format", "输出格式（xlsx 为 Excel 工作簿，需配合 -o）"},
    {"help.common.output", "Write to FILE (atomically) instead of standard output",
     "写入文件（原子写入：失败时不留下半截文件），而不是输出到屏幕；文件名以 .xlsx 结尾即写成 Excel 工作簿"},
    {"help.common.bom", "Start the output with a UTF-8 byte-order mark (for Excel)",
     "在输出开头加 UTF-8 BOM（让 Excel 正确显示中文）"},
    {"help.common.encoding", "Input encoding", "输入文件的编码（auto：自动识别 UTF-8 / GBK）"},
    {"help.common.lang", "Language of labels and messages (default: from LANG)",
     "表头与提示信息的语言（默认：按 LANG 环境变量）"},
    {"help.common.delimiter", "Input field separator: ',', ';' or '\\t' (default: guessed)",
     "输入文件的分隔符：',' ';' 或 '\\t'（默认：自动判断）"},
    {"help.matchday", "matchday: group standings and player eligibility for football competitions",
     "matchday：足球比赛的小组积分榜与运动员资格审查"},
    {"help.matchday.version", "Display program version information and exit", "显示版本信息并退出"},
    {"help.matchday.footer",
     "Examples:\n"
     "  matchday standings examples/groupA.csv\n"
     "  matchday eligibility --category A-M examples/rosters/\n"
     "  matchday rules qinghai-youth-2025\n"
     "Run `matchday COMMAND --help` for a command's options.",
     "示例：\n"
     "  matchday standings examples/groupA.csv\n"
     "  matchday eligibility --category A-M examples/rosters/\n"
     "  matchday rules qinghai-youth-2025\n"
     "运行 `matchday 子命令 --help` 可查看该子命令的选项。"},
    {"help.standings", "Group tables from results files", "根据成绩文件计算小组积分榜"},
    {"help.standings.files", "Results files (CSV/TSV; - reads standard input)", "成绩文件（CSV/TSV；- 表示从标准输入读取）"},
    {"help.standings.group", "Only this group (repeatable)", "只计算这个小组（可重复）"},
    {"help.standings.through", "The table as it stood after matchday N", "第 N 轮结束时的积分榜"},
    {"help.standings.lots", "Order of teams level after every criterion, from a drawing of lots: \"A,B,C\" (once per tie)",
     "所有条件均相同的球队的抽签顺序：\"甲,乙,丙\"（每组并列一次）"},
    {"help.standings.adjust", "Points adjustment \"TEAM=-3:reason\" (repeatable)", "积分调整 \"球队=-3:原因\"（可重复）"},
    {"help.standings.adjustments", "Adjustments file (columns group, team, points, reason)",
     "积分调整文件（列：小组、球队、积分、原因）"},
    {"help.standings.qualify", "Qualifying places per group, for clinched/eliminated (default: the rules')",
     "每组出线名额，用于判断“已出线/已淘汰”（默认：按规则）"},
    {"help.standings.explain", "Say, for every tie, which criterion decided it and the values that did",
     "说明每一处同分是按哪条规则、哪些数值决定名次的"},
    {"help.standings.footer",
     "Examples:\n"
     "  matchday standings groupA.csv\n"
     "  matchday standings --format csv --bom -o standings.csv groupA.csv groupB.csv\n"
     "  matchday standings --explain --lots \"海东市,西宁市\" groupA.csv\n"
     "  matchday standings --adjust \"玉树州=-3:fielded an ineligible player\" groupA.csv\n"
     "  matchday standings --through 2 --rules uefa-euro results.csv",
     "示例：\n"
     "  matchday standings groupA.csv\n"
     "  matchday standings -o 积分榜.xlsx groupA.csv groupB.csv\n"
     "  matchday standings --format csv --bom -o standings.csv groupA.csv groupB.csv\n"
     "  matchday standings --explain --lots \"海东市,西宁市\" groupA.csv\n"
     "  matchday standings --adjust \"玉树州=-3:使用不符合资格的球员\" groupA.csv\n"
     "  matchday standings --through 2 --rules uefa-euro results.csv"},
    {"help.eligibility", "Check every roster row and every team against the eligibility rules",
     "按资格规定审查报名表中的每一行和每一支队伍"},
    {"help.eligibility.inputs", "Roster files, or folders (every .csv/.tsv/.txt file in them)",
     "报名表文件，或文件夹（读取其中所有 .csv/.tsv/.txt 文件）"},
    {"help.eligibility.category", "Category of rows without one: A-M, A-F, B-M, B-F, 甲组男子 ...",
     "没有填写组别的行所属的组别：甲组男子、甲组女子、乙组男子、乙组女子（或 A-M、A-F、B-M、B-F）"},
    {"help.eligibility.teams",
     "Team documents file (team, registration_form, sealed_scan, app_registered, anti_doping_pledge, discipline_letter)",
     "各队报名材料文件（列：代表队、报名表、盖章扫描件、足球中国APP报名、反兴奋剂承诺书、赛风赛纪责任书）"},
    {"help.eligibility.season", "Season played: shifts the rules' age bands (and reference date) by SEASON - 2025 years",
     "比赛年度：年龄段（及审查基准日）按 年度 - 2025 年平移"},
    {"help.eligibility.as-of", "Reference date for the one-year residency rule (default: the rules', 2025-07-30)",
     "“满一年”户籍/学籍规定的基准日期（默认：按规则，2025-07-30）"},
    {"help.eligibility.footer",
     "Examples:\n"
     "  matchday eligibility examples/rosters/\n"
     "  matchday eligibility --teams examples/teams.csv examples/rosters/\n"
     "  matchday eligibility --lang zh --format csv --bom -o verdicts.csv examples/rosters/\n"
     "  matchday eligibility --category 甲组男子 西宁市.csv\n"
     "  matchday eligibility --season 2026 --as-of 2026-07-28 rosters/",
     "示例：\n"
     "  matchday eligibility examples/rosters/\n"
     "  matchday eligibility --teams examples/teams.csv examples/rosters/\n"
     "  matchday eligibility --lang zh -o 资格审查.xlsx examples/rosters/\n"
     "  matchday eligibility --category 甲组男子 西宁市.csv\n"
     "  matchday eligibility --season 2026 --as-of 2026-07-28 rosters/"},

    // fixtures, knockout, rules.
    {"help.fixtures", "Round-robin fixture list, as a results file with empty scores",
     "循环赛赛程表，输出为比分留空的成绩文件"},
    {"help.fixtures.teams", "Team names, in seeding order", "球队名称，按种子顺序"},
    {"help.fixtures.group", "Group name (the group column); with --teams-file, only this group",
     "小组名称（“小组”列）；与 --teams-file 同用时只排此小组"},
    {"help.fixtures.teams-file", "Teams file: a column team (球队) and optionally group (小组), or one name per line",
     "球队文件：含“球队”列（可选“小组”列），或每行一个队名"},
    {"help.fixtures.double", "Double round robin: the second half with home and away swapped",
     "双循环：第二循环主客场互换"},
    {"help.fixtures.force", "Write -o even over a file that holds played results", "即使 -o 文件中已有比赛结果也写入（覆盖）"},
    {"help.fixtures.start", "Date of the first matchday (2025-07-30); dates every --every days",
     "第一轮的日期（2025-07-30）；此后每隔 --every 天一轮"},
    {"help.fixtures.every", "Days between matchdays (default 7; needs --start)", "两轮之间的天数（默认 7；需要 --start）"},
    {"help.fixtures.footer",
     "Examples:\n"
     "  matchday fixtures --group B 海南州 海北州 黄南州 果洛州 格尔木市\n"
     "  matchday fixtures --group A --start 2025-07-30 --every 2 --format csv -o groupA.csv 西宁市 海东市 海西州 玉树州\n"
     "  matchday fixtures --double --lang zh --format csv --teams-file teams.csv\n"
     "The CSV output is a results file: fill in the scores and run `matchday standings` on it.",
     "示例：\n"
     "  matchday fixtures --group B 海南州 海北州 黄南州 果洛州 格尔木市\n"
     "  matchday fixtures --group A --start 2025-07-30 --every 2 --format csv -o groupA.csv 西宁市 海东市 海西州 玉树州\n"
     "  matchday fixtures --double --lang zh --format csv --teams-file teams.csv\n"
     "CSV 输出就是成绩文件：填入比分后即可用 `matchday standings` 计算积分榜。"},
    {"help.knockout", "Knockout pairings from group places, and the bracket from knockout results",
     "按小组名次排出淘汰赛对阵，并按淘汰赛成绩逐轮推进"},
    {"help.knockout.files", "Results files: the group stage, and knockout results (rows with a stage column, 阶段)",
     "成绩文件：小组赛，以及淘汰赛成绩（带“阶段”列的行）"},
    {"help.knockout.pairing",
     "First-round matches from group places, in bracket order: \"A1-B2,B1-A2\"; 3rd1 is the best third-placed team (default: the rules')",
     "首轮对阵（按对阵表顺序）：\"A1-B2,B1-A2\"；3rd1 表示成绩最好的小组第三名（默认：规则中的对阵）"},
    {"help.knockout.lots", "Order of teams level after every criterion, from a drawing of lots: \"A,B,C\" (once per tie)",
     "所有条件均相同的球队的抽签顺序：\"甲,乙,丙\"（每组并列一次）"},
    {"help.knockout.adjust", "Points adjustment \"TEAM=-3:reason\" (repeatable)", "积分调整 \"球队=-3:原因\"（可重复）"},
    {"help.knockout.adjustments", "Adjustments file (columns group, team, points, reason)",
     "积分调整文件（列：小组、球队、积分、原因）"},
    {"help.knockout.footer",
     "Examples:\n"
     "  matchday knockout examples/groupA.csv examples/groupB.csv\n"
     "  matchday knockout examples/groupA.csv examples/groupB.csv examples/knockout.csv\n"
     "  matchday knockout --pairing \"A1-C1,B1-2nd1\" examples/groupA.csv examples/groupB.csv examples/groupC.csv\n"
     "A drawn knockout match needs its shootout (home_pens, away_pens).",
     "示例：\n"
     "  matchday knockout examples/groupA.csv examples/groupB.csv\n"
     "  matchday knockout examples/groupA.csv examples/groupB.csv examples/knockout.csv\n"
     "  matchday knockout --pairing \"A1-C1,B1-2nd1\" examples/groupA.csv examples/groupB.csv examples/groupC.csv\n"
     "淘汰赛打平须填写点球结果（主队点球、客队点球）。"},
    {"help.rules", "List the rule presets, or print one (or a rules file) in full",
     "列出规则预设，或完整打印其中一个（或一个规则文件）"},
    {"help.rules.name", "A preset name, or a rules file to check and print", "预设名称，或要检查并打印的规则文件"},
    {"help.rules.footer",
     "Examples:\n"
     "  matchday rules\n"
     "  matchday rules qinghai-youth-2025 -o my-cup.rules\n"
     "  matchday rules my-cup.rules\n"
     "Edit the printed file and pass it to any command with --rules my-cup.rules.",
     "示例：\n"
     "  matchday rules\n"
     "  matchday rules qinghai-youth-2025 -o my-cup.rules\n"
     "  matchday rules my-cup.rules\n"
     "修改打印出的文件后，可在任何命令中用 --rules my-cup.rules 使用。"},

    // Moved from the core catalogue at the merge: --sheet (workbooks), scorers, discipline, lineup, standings --events.
    {"help.common.sheet", "Sheet of a workbook to read: its name, or its number among the visible sheets (default: the first visible sheet; rosters: every visible sheet that holds one)",
     "要读取的工作簿工作表：名称，或在可见工作表中的序号（默认：第一个可见工作表；名单：每个含名单的可见工作表）"},
    {"help.scorers", "The top-scorer table from match events", "根据比赛事件统计射手榜"},
    {"help.scorers.files", "Events files (one row per goal or card)", "比赛事件文件（每个进球或每张牌一行）"},
    {"help.scorers.results", "Results files: every event must name a match there, and the goals add up to its score",
     "成绩文件：每个事件都必须属于其中的一场比赛，且进球数与比分相符"},
    {"help.scorers.rosters", "Roster files or folders: every player must be on his team's roster",
     "报名表文件或文件夹：每名球员都必须在所属球队的报名表中"},
    {"help.scorers.group", "Only this group (repeatable)", "只统计这个小组（可重复）"},
    {"help.scorers.through", "Only goals up to matchday N", "只统计到第 N 轮为止的进球"},
    {"help.scorers.footer",
     "Examples:\n"
     "  matchday scorers events.csv\n"
     "  matchday scorers --results groupA.csv --results groupB.csv --rosters rosters/ events.csv\n"
     "  matchday scorers --lang zh --through 2 --format csv --bom -o scorers.csv events.csv\n"
     "Own goals never count; players level on goals share a rank.",
     "示例：\n"
     "  matchday scorers events.csv\n"
     "  matchday scorers --results groupA.csv --results groupB.csv --rosters rosters/ events.csv\n"
     "  matchday scorers --lang zh --through 2 --format csv --bom -o 射手榜.csv events.csv\n"
     "乌龙球不计入个人进球；进球数相同的球员名次并列。"},
    {"help.discipline", "Cards and suspensions from match events: who may not play in the next match",
     "根据比赛事件统计红黄牌与停赛：谁不能参加下一场比赛"},
    {"help.discipline.files", "Events files (one row per goal or card)", "比赛事件文件（每个进球或每张牌一行）"},
    {"help.discipline.results", "Results files: each team's matches, in order (fixtures too), for the match a suspension is served in",
     "成绩文件：各队按顺序的比赛（含未赛的赛程），用于确定在哪一场执行停赛"},
    {"help.discipline.rosters", "Roster files or folders: every player must be on his team's roster",
     "报名表文件或文件夹：每名球员都必须在所属球队的报名表中"},
    {"help.discipline.extra", "Suspensions decided by the disciplinary committee (columns team, shirt_number/name, matches, matchday, reason)",
     "纪律委员会追加的停赛处罚（列：球队、号码/姓名、停赛场次、轮次、原因）"},
    {"help.discipline.through", "As it stood after matchday N: later matches are still to play",
     "第 N 轮结束时的情况：之后的比赛视为未赛"},
    {"help.discipline.list", "What to show: all (cards, suspensions, the next match), cards, suspensions or next; data formats show one (default next)",
     "显示内容：all（红黄牌、停赛记录、下一场停赛名单）、cards、suspensions 或 next；数据格式只能显示一项（默认 next）"},
    {"help.discipline.footer",
     "Examples:\n"
     "  matchday discipline --results groupA.csv --results groupB.csv events.csv\n"
     "  matchday discipline --through 2 --results groupA.csv events.csv\n"
     "  matchday discipline --extra committee.csv --format csv --bom -o suspended.csv events.csv\n"
     "The suspension rules come from --rules (see `matchday rules`: suspension.*).",
     "示例：\n"
     "  matchday discipline --results groupA.csv --results groupB.csv events.csv\n"
     "  matchday discipline --through 2 --results groupA.csv events.csv\n"
     "  matchday discipline --extra 纪律处罚.csv --format csv --bom -o 停赛名单.csv events.csv\n"
     "停赛规则来自 --rules（见 `matchday rules` 中的 suspension.* 各项）。"},
    {"help.lineup", "Check the players a team names for a match: registered, eligible, not suspended",
     "审核球队某场比赛的上场名单：是否报名、资格是否符合、是否停赛"},
    {"help.lineup.files", "Lineup files (columns team, shirt_number and/or name)", "上场名单文件（列：球队、号码和/或姓名）"},
    {"help.lineup.rosters", "Roster files or folders", "报名表文件或文件夹"},
    {"help.lineup.matchday", "The matchday the lineup is for", "名单所对应的轮次"},
    {"help.lineup.events", "Events files: the cards before this matchday", "比赛事件文件：本轮之前的红黄牌"},
    {"help.lineup.results", "Results files: each team's matches, in order", "成绩文件：各队按顺序的比赛"},
    {"help.lineup.extra", "Suspensions decided by the disciplinary committee (columns team, shirt_number/name, matches, matchday, reason)",
     "纪律委员会追加的停赛处罚（列：球队、号码/姓名、停赛场次、轮次、原因）"},
    {"help.lineup.category", "Category of roster rows without one: A-M, A-F, B-M, B-F, 甲组男子 ...",
     "报名表中未填组别的行所属组别：A-M、A-F、B-M、B-F、甲组男子……"},
    {"help.lineup.footer",
     "Examples:\n"
     "  matchday lineup --rosters rosters/ --events events.csv --results groupA.csv --matchday 3 lineup.csv\n"
     "Exit code 1 when a listed person may not play.",
     "示例：\n"
     "  matchday lineup --rosters rosters/ --events events.csv --results groupA.csv --matchday 3 名单.csv\n"
     "名单中有人不能上场时退出码为 1。"},
    {"help.standings.events", "Events files: fair-play points from their cards, instead of the card columns",
     "比赛事件文件：按其中的红黄牌计算公平竞赛分，代替成绩文件中的红黄牌列"},
};

}  // namespace

std::span<const MessageEntry> cli_catalogue() { return k_cli_catalogue; }

std::string_view cli_template(std::string_view code, Lang lang) {
  for (const MessageEntry& e : k_cli_catalogue) {
    if (e.code == code) return lang == Lang::zh && !e.zh.empty() ? e.zh : e.en;
  }
  return message_template(code, lang);
}

bool has_cli_entry(std::string_view code) {
  for (const MessageEntry& e : k_cli_catalogue) {
    if (e.code == code) return true;
  }
  return false;
}

}  // namespace matchday::cli
