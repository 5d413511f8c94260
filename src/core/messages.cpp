#include "matchday/messages.hpp"

#include <array>

namespace matchday {
namespace {

// Each message says what is wrong and what to do. {0}, {1}: the diagnostic's args.
// Keep the codes stable; add new entries anywhere.
constexpr MessageEntry k_catalogue[] = {
    // Reading files.
    {"cannot_read", "cannot read the file ({0}); check the name and that you may read it",
     "无法读取文件（{0}）；请检查文件名及读取权限"},
    {"bad_encoding", "the file is not valid {0} (bad bytes at offset {1}); save it again as CSV UTF-8, or pass --encoding",
     "文件不是有效的 {0} 编码（第 {1} 字节处有错误字节）；请另存为“CSV UTF-8”，或使用 --encoding 指定编码"},
    {"cannot_write", "cannot write {0} ({1}); nothing was written. Check the folder exists and has space",
     "无法写入 {0}（{1}）；未写入任何内容。请检查文件夹是否存在、空间是否足够"},
    {"unknown_rules", "no rule preset called \"{0}\" (presets: {1}); give a preset name or a rules file path",
     "没有名为“{0}”的规则预设（预设：{1}）；请给出预设名称或规则文件路径"},
    {"empty_file", "the file is empty: it needs a header row and one row per match",
     "文件为空：需要一行表头，以及每场比赛一行"},
    {"more_errors", "{0} more errors in this file are not shown; fix the ones above and run again",
     "此文件另有 {0} 处错误未显示；请先修正以上错误后再运行"},
    {"csv_unterminated_quote", "a quoted cell is never closed; check this row for a stray double quote (\")",
     "引号内的单元格没有结束；请检查此行是否有多余的双引号（\"）"},
    {"missing_column", "the header row has no column \"{0}\" (or {1}); add it",
     "表头缺少“{0}”列（或“{1}”）；请添加该列"},
    {"duplicate_column", "this column appears twice in the header row; keep one of them",
     "表头中此列出现了两次；请只保留一列"},
    // Results.
    {"team_missing", "the team name is empty; fill it in", "球队名称为空；请填写"},
    {"team_plays_itself", "a team cannot play itself; correct the home or away team",
     "球队不能与自己比赛；请更正主队或客队"},
    {"goals_not_count", "goals must be a whole number, 0 or more (no decimals, no text); correct the cell",
     "进球数必须是不小于 0 的整数（不能有小数或文字）；请更正此单元格"},
    {"bad_score", "a score must look like 2:1; correct the cell", "比分应写成 2:1 的形式；请更正此单元格"},
    {"one_score_missing",
     "only one score is given; enter both, or leave both empty for a match not yet played",
     "只填了一方的比分；请填写双方比分，未赛的比赛请两格都留空"},
    {"one_pens_missing", "only one shootout score is given; enter both",
     "只填了一方的点球比分；请填写双方点球比分"},
    {"pens_without_score", "a shootout is given for a match without a score; enter the score or clear the shootout",
     "没有比分的比赛填写了点球；请填写比分或清除点球"},
    {"pens_not_drawn", "a shootout is given but the match was not drawn ({0}-{1}); clear the shootout cells or correct the score",
     "比赛不是平局（{0}-{1}）却填写了点球；请清除点球或更正比分"},
    {"pens_level", "the shootout ends level ({0}-{1}); a shootout always has a winner: correct it",
     "点球决胜打平（{0}-{1}）；点球决胜必有胜者：请更正"},
    {"draw_needs_shootout",
     "the match is drawn {0}-{0} but has no shootout result; under these rules every draw goes to penalties: fill in {1} and the away shootout goals",
     "比赛 {0}-{0} 打平但没有点球结果；按本规程平局直接进行点球决胜：请填写“{1}”和客队点球"},
    {"bad_status", "unknown status; use played, awarded, postponed or cancelled (已赛, 判定, 延期, 取消)",
     "无法识别的状态；请使用 已赛、判定、延期 或 取消（played, awarded, postponed, cancelled）"},
    {"unplayed_has_score", "a postponed or cancelled match has a score; clear the score or change the status",
     "延期或取消的比赛填写了比分；请清除比分或更改状态"},
    {"awarded_no_score", "an awarded match needs the score it was awarded with (usually 3:0)",
     "判定结果的比赛需要填写判定比分（通常为 3:0）"},
    {"matchday_not_count", "the matchday must be a whole number; correct the cell", "轮次必须是整数；请更正此单元格"},
    {"cards_not_count", "a card count or disciplinary points must be a whole number, 0 or more; correct the cell",
     "牌数或纪律分必须是不小于 0 的整数；请更正此单元格"},
    {"too_many_meetings", "{0} and {1} meet more than {2} time(s) in this group; check for a row entered twice",
     "{0} 与 {1} 在本组相遇超过 {2} 次；请检查是否重复录入"},
    // Dates.
    {"date_ambiguous", "this date is ambiguous (day and month, or the century, cannot be told apart); write it as 2009-03-05",
     "日期有歧义（无法区分日与月，或年份世纪）；请写成 2009-03-05 的形式"},
    {"date_invalid", "there is no such date; correct it", "不存在这个日期；请更正"},
    {"date_unrecognised", "not a date; write it as 2009-03-05, 2009/3/5 or 2009年3月5日",
     "不是有效日期；请写成 2009-03-05、2009/3/5 或 2009年3月5日"},
    {"date_missing", "the date is empty; fill it in", "日期为空；请填写"},
    // Rules files and options.
    {"rules_no_equals", "a rules line must be `key = value`", "规则文件的每一行应为“键 = 值”"},
    {"rules_unknown_key", "unknown key; `matchday rules` prints every key with its meaning",
     "未知的键；运行 `matchday rules` 可查看所有键及其含义"},
    {"rules_not_count", "must be a whole number, 0 or more", "必须是不小于 0 的整数"},
    {"rules_not_bool", "must be yes or no", "必须是 yes 或 no"},
    {"rules_unknown_base", "unknown preset; `matchday rules` lists them", "未知的预设；运行 `matchday rules` 可查看列表"},
    {"rules_base_not_first", "`base` must be the first key of the file", "`base` 必须是文件中的第一个键"},
    {"rules_unknown_criterion",
     "unknown criterion; use points, h2h_points, h2h_goal_difference, h2h_goals_for, goal_difference, goals_for, wins, fair_play, lots",
     "未知的排名条件；可用 points, h2h_points, h2h_goal_difference, h2h_goals_for, goal_difference, goals_for, wins, fair_play, lots"},
    {"rules_order_points_first", "the order must start with points", "排名条件必须以 points 开头"},
    {"rules_bad_date", "not a date; write it as 2025-07-30", "不是有效日期；请写成 2025-07-30"},
    {"rules_bad_range", "must be a date range like 2008-01-01..2009-12-31", "必须是日期范围，如 2008-01-01..2009-12-31"},
    {"rules_bad_players", "must be a range like 16..22", "必须是人数范围，如 16..22"},
    // Standings options.
    {"adjust_unknown_team", "no team called \"{0}\" in {1}; check the spelling against the results file",
     "{1} 中没有名为“{0}”的球队；请对照成绩文件检查拼写"},
    {"adjust_ambiguous_team", "\"{0}\" plays in several groups; give the group in an --adjustments file",
     "“{0}”出现在多个小组；请在 --adjustments 文件中写明小组"},
    {"adjust_points_bad", "points must be a whole number such as -3 or 2; correct the cell",
     "积分必须是整数，例如 -3 或 2；请更正此单元格"},
    {"adjust_bad", "an adjustment must look like TEAM=-3:reason", "积分调整应写成 球队=-3:原因"},
    {"lots_unknown_team", "--lots names \"{0}\", which is in no group read; check the spelling",
     "--lots 中的“{0}”不在任何小组中；请检查拼写"},
    {"through_without_matchday", "--through needs a matchday column (轮次) in the results",
     "--through 需要成绩文件中有“轮次”（matchday）列"},
    {"unresolved_tie",
     "{0}: {1} are level after every criterion and share rank {2}; draw lots and pass --lots \"{3}\" in the drawn order",
     "{0}：{1} 按所有条件仍然相同，并列第 {2} 名；请抽签，并按抽签顺序使用 --lots \"{3}\""},
    {"no_such_group", "no group called \"{0}\" in the results; groups read: {1}",
     "成绩中没有名为“{0}”的小组；已读取的小组：{1}"},
    {"no_matches", "no group was read: the files have a header but no match rows",
     "没有读到任何小组：文件只有表头，没有比赛行"},

    // Labels: table headers (col.*), CSV headers (key.*), notes, --explain.
    {"title.group", "Group {0}", "{0}组"},
    {"col.group", "Group", "小组"},
    {"col.rank", "#", "名次"},
    {"col.team", "Team", "球队"},
    {"col.played", "P", "场次"},
    {"col.won", "W", "胜"},
    {"col.drawn", "D", "平"},
    {"col.lost", "L", "负"},
    {"col.shootout_won", "PW", "点球胜"},
    {"col.shootout_lost", "PL", "点球负"},
    {"col.goals_for", "GF", "进球"},
    {"col.goals_against", "GA", "失球"},
    {"col.goal_difference", "GD", "净胜球"},
    {"col.points", "Pts", "积分"},
    {"col.status", "Status", "状态"},
    {"col.note", "Note", "备注"},
    {"key.group", "group", "小组"},
    {"key.rank", "rank", "名次"},
    {"key.team", "team", "球队"},
    {"key.played", "played", "场次"},
    {"key.won", "won", "胜"},
    {"key.drawn", "drawn", "平"},
    {"key.lost", "lost", "负"},
    {"key.shootout_won", "shootout_won", "点球胜"},
    {"key.shootout_lost", "shootout_lost", "点球负"},
    {"key.goals_for", "goals_for", "进球"},
    {"key.goals_against", "goals_against", "失球"},
    {"key.goal_difference", "goal_difference", "净胜球"},
    {"key.points", "points", "积分"},
    {"key.status", "status", "状态"},
    {"key.note", "note", "备注"},
    {"status.clinched", "clinched", "已出线"},
    {"status.eliminated", "eliminated", "已淘汰"},
    {"crit.points", "points", "积分"},
    {"crit.h2h_points", "head-to-head points", "相互比赛积分"},
    {"crit.h2h_goal_difference", "head-to-head goal difference", "相互比赛净胜球"},
    {"crit.h2h_goals_for", "head-to-head goals", "相互比赛进球数"},
    {"crit.goal_difference", "goal difference", "净胜球"},
    {"crit.goals_for", "goals scored", "进球数"},
    {"crit.wins", "wins", "胜场数"},
    {"crit.fair_play", "fair-play points", "公平竞赛分"},
    {"crit.lots", "drawing of lots", "抽签"},
    {"note.level", "level after every criterion: lots needed", "所有条件均相同：需抽签"},
    {"note.adjusted", "adjusted {0}", "调整 {0}"},
    {"warning_prefix", "matchday: warning: ", "matchday: 警告: "},
    {"explain.heading", "Group {0}: how ties were broken", "{0}组：同分名次的确定"},
    {"explain.heading_file", "{0}: how ties were broken", "{0}：同分名次的确定"},
    {"list.sep", ", ", "、"},
    {"explain.heading_nogroup", "How ties were broken", "同分名次的确定"},
    {"explain.no_ties", "no teams level on points", "没有积分相同的球队"},
    {"explain.step", "{0} (level on {1} points): {2}{3}: {4}", "{0}（同积 {1} 分）：{2}{3}：{4}"},
    {"explain.h2h", " (matches among them: {0})", "（相互之间 {0} 场比赛）"},
    {"explain.h2h_again", " (re-applied to these teams only, matches among them: {0})", "（仅在这些球队之间重新比较，相互之间 {0} 场比赛）"},
    {"explain.awarded_in_h2h", ", {0} awarded", "，其中 {0} 场为判定结果"},
    {"explain.unresolved", "{0}: level after every criterion; they share a rank until lots are drawn (--lots)", "{0}：所有条件均相同；抽签前并列名次（--lots）"},
    {"explain.awarded", "awarded: {0} {2}-{3} {1}, counted as recorded ({4})", "判定结果：{0} {2}-{3} {1}，按记录比分计算（{4}）"},
};

}  // namespace

std::span<const MessageEntry> message_catalogue() { return k_catalogue; }

std::string_view message_template(std::string_view code, Lang lang) {
  for (const MessageEntry& e : k_catalogue) {
    if (e.code == code) return lang == Lang::zh && !e.zh.empty() ? e.zh : e.en;
  }
  return code;
}

std::string substitute(std::string_view templ, std::span<const std::string> args) {
  std::string out;
  out.reserve(templ.size() + 16);
  for (std::size_t i = 0; i < templ.size(); ++i) {
    if (templ[i] == '{' && i + 2 < templ.size() && templ[i + 1] >= '0' && templ[i + 1] <= '9' &&
        templ[i + 2] == '}') {
      const auto k = static_cast<std::size_t>(templ[i + 1] - '0');
      if (k < args.size()) out += args[k];
      i += 2;
    } else {
      out += templ[i];
    }
  }
  return out;
}

std::string message_text(const Diagnostic& d, Lang lang) {
  return substitute(message_template(d.code, lang), d.args);
}

std::string format_diagnostic(const Diagnostic& d, Lang lang) {
  std::string out = d.source;
  if (d.line > 0) {
    out += ':';
    out += std::to_string(d.line);
  }
  out += ": ";
  if (d.severity == Severity::warning) out += lang == Lang::zh ? "警告: " : "warning: ";
  if (!d.column.empty()) {
    out += d.column;
    out += " \"";
    out += d.value;
    out += "\": ";
  } else if (!d.value.empty()) {
    out += '"';
    out += d.value;
    out += "\": ";
  }
  out += message_text(d, lang);
  return out;
}

}  // namespace matchday
