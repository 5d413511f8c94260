#include "matchday/roster.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>

#include "bytes.hpp"
#include "matchday/csv.hpp"
#include "matchday/text.hpp"
#include "parse_util.hpp"

namespace matchday {
namespace {

enum Col : std::size_t {
  c_team, c_category, c_role, c_name, c_sex, c_birth, c_id, c_shirt, c_hukou_province, c_hukou_type,
  c_hukou_since, c_school_province, c_school_since, c_full_time, c_anti_doping, c_discipline, c_count
};

constexpr std::array<ColumnSpec, c_count> k_columns{{
    {"team", "队名|代表队|球队|队伍|参赛队|参赛单位|代表单位"},
    {"category", "参赛组别|组别|组|参赛组"},
    {"role", "身份|职务|角色|人员类别|人员类型"},
    {"name", "姓名|名字|运动员姓名"},
    {"sex", "性别|gender"},
    {"birth_date", "出生日期|出生年月日|生日|birthday|date_of_birth|dob"},
    {"id_number", "身份证号|身份证号码|身份证|公民身份号码|身份证件号码|证件号码|id|id_no|id_card"},
    {"shirt_number", "号码|球衣号码|球衣号|背号|shirt|number"},
    {"hukou_province", "户籍省份|户籍所在地|户籍|户口所在地|户籍地址|户籍所在省"},
    {"hukou_type", "户口类型|户籍类型|户口性质"},
    {"hukou_since", "户籍迁入日期|落户日期|户籍起始日期|迁入日期|入户日期"},
    {"school_province", "学籍所在地|学籍省份|学籍所在学校|学籍学校|就读学校|学校"},
    {"school_since", "入学日期|学籍起始日期|入学时间"},
    {"school_full_time", "全日制|是否全日制"},
    {"anti_doping_pledge", "反兴奋剂承诺书|反兴奋剂承诺"},
    {"discipline_letter", "赛风赛纪责任书|赛风赛纪承诺书"},
}};

// The other provinces (and their usual short forms): an address starting with
// one of these is outside.
constexpr std::string_view k_provinces[] = {
    "北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江", "安徽",
    "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南省", "重庆", "四川", "贵州",
    "云南", "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆", "台湾", "香港", "澳门",
};

// Prefecture-level places of Qinghai, for addresses written without the
// province (西宁市城中区…). Only used when the rules' province is 青海.
constexpr std::string_view k_qinghai_places[] = {
    "西宁", "海东", "海北", "黄南", "海南州", "海南藏族自治州", "果洛", "玉树", "海西", "格尔木", "德令哈",
    "茫崖", "同仁", "共和", "大通", "湟中", "湟源", "互助", "乐都", "平安", "民和", "循化", "化隆", "门源",
};

bool starts_with_folded(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char a = text[i], b = prefix[i];
    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
    if (b >= 'A' && b <= 'Z') b = static_cast<char>(b - 'A' + 'a');
    if (a != b) return false;
  }
  return true;
}

// A quick path for the common ASCII forms 2009-03-05 and 2009/3/5 (also with
// '.'): four digits, the separator, one or two, the same separator, one or
// two; the general parser for the rest (it reads these forms the same way).
DateParse fast_date(std::string_view raw) {
  const auto digit = [](char c) { return static_cast<unsigned>(c - '0') < 10; };
  std::string_view s = raw;
  if (!s.empty() && (!digit(s.front()) || !digit(s.back()))) s = trim(raw);  // the usual cell has nothing to trim
  const std::size_t n = s.size();
  if (n >= 8 && n <= 10 && (s[4] == '-' || s[4] == '.' || s[4] == '/') && digit(s[0]) && digit(s[1]) &&
      digit(s[2]) && digit(s[3])) {
    const char sep = s[4];
    std::size_t i = 5;
    // One or two digits at i, as a number; -1 when there is none.
    const auto number = [&] {
      if (i >= n || !digit(s[i])) return -1;
      int v = s[i++] - '0';
      if (i < n && digit(s[i])) v = v * 10 + (s[i++] - '0');
      return v;
    };
    const int month = number();
    if (month >= 0 && i < n && s[i] == sep) {
      ++i;
      const int day = number();
      if (day >= 0 && i == n) {
        const int year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
        if (!is_valid_date(year, month, day)) return {std::nullopt, DateError::invalid};
        return {Date{year, month, day}, DateError::none};
      }
    }
  }
  return parse_date(raw);
}

// The last cell of an enumerated column and what it read as. A column
// usually says the same thing row after row (运动员, 男, 甲组男子, 家庭户), so
// the cell is parsed once per change instead of once per row. `parse` must be
// a pure function of the text.
template <class T>
class LastParse {
 public:
  template <class Parse>
  const T& operator()(std::string_view text, Parse parse) {
    if (!m_valid || !same_text(text, m_text)) {
      m_text.assign(text);
      m_value = parse(text);
      m_valid = true;
    }
    return m_value;
  }

 private:
  std::string m_text;
  T m_value{};
  bool m_valid = false;
};

std::string_view date_message(DateError e) {
  switch (e) {
    case DateError::ambiguous: return "elig.date_ambiguous";
    case DateError::invalid: return "elig.date_invalid";
    case DateError::missing: return "elig.date_missing";
    case DateError::unrecognised:
    case DateError::none: break;
  }
  return "elig.date_unrecognised";
}

}  // namespace

static_assert(sizeof(RosterRow) <= 112, "a roster's rows are most of the memory a large run takes (issue 3)");

std::string_view reason_code(Reason r) {
  switch (r) {
    case Reason::born_too_early: return "born_too_early";
    case Reason::born_too_late: return "born_too_late";
    case Reason::bad_birth_date: return "bad_birth_date";
    case Reason::wrong_sex: return "wrong_sex";
    case Reason::no_residency: return "no_residency";
    case Reason::id_malformed: return "id_malformed";
    case Reason::id_checksum: return "id_checksum";
    case Reason::id_birth_mismatch: return "id_birth_mismatch";
    case Reason::id_sex_mismatch: return "id_sex_mismatch";
    case Reason::duplicate_person: return "duplicate_person";
    case Reason::pledge_missing: return "pledge_missing";
    case Reason::unknown_category: return "unknown_category";
    case Reason::unknown_role: return "unknown_role";
    case Reason::missing_field: return "missing_field";
    case Reason::too_few_players: return "too_few_players";
    case Reason::too_many_players: return "too_many_players";
    case Reason::too_many_staff: return "too_many_staff";
    case Reason::duplicate_shirt_number: return "duplicate_shirt_number";
    case Reason::documents_missing: return "documents_missing";
  }
  return "?";
}

std::string_view role_name(Role r) {
  switch (r) {
    case Role::player: return "player";
    case Role::leader: return "leader";
    case Role::coach: return "coach";
    case Role::doctor: return "doctor";
    case Role::unknown: break;
  }
  return "unknown";
}

std::string_view hukou_type_name(HukouType t) {
  switch (t) {
    case HukouType::family: return "family";
    case HukouType::individual: return "individual";
    case HukouType::collective: return "collective";
    case HukouType::temporary: return "temporary";
    case HukouType::none: break;
  }
  return "";
}

std::string Category::code() const {
  if (!known()) return "";
  return std::string{letter, '-', sex == Sex::male ? 'M' : 'F'};
}

std::optional<Category> parse_category(std::string_view text) {
  std::string k = fold_key(text);
  if (k.empty()) return std::nullopt;
  // A-M, a_m, AM, A/M, A男, A组男子.
  const char first = k[0];
  if (first >= 'a' && first <= 'z') {
    std::string_view rest = std::string_view(k).substr(1);
    while (!rest.empty() && (rest.front() == '_' || rest.front() == '/')) rest.remove_prefix(1);
    if (rest.starts_with("组")) rest.remove_prefix(3);
    const char letter = static_cast<char>(first - 'a' + 'A');
    if (rest == "m" || rest == "男" || rest == "男子" || rest == "boys" || rest == "men") return Category{letter, Sex::male};
    if (rest == "f" || rest == "w" || rest == "女" || rest == "女子" || rest == "girls" || rest == "women") {
      return Category{letter, Sex::female};
    }
    return std::nullopt;
  }
  // 甲组男子, 甲组男子组, 男子甲组, 甲男, 甲组男.
  static constexpr std::pair<std::string_view, char> k_letters[] = {{"甲", 'A'}, {"乙", 'B'}, {"丙", 'C'}, {"丁", 'D'}};
  std::string_view s = k;
  if (s.ends_with("组") && s.size() > 6) s.remove_suffix(3);
  Sex sex = Sex::unknown;
  for (std::string_view word : {"男子", "女子", "男", "女"}) {
    const std::size_t at = s.find(word);
    if (at == std::string_view::npos) continue;
    sex = word.starts_with("男") ? Sex::male : Sex::female;
    std::string rest(s.substr(0, at));
    rest += s.substr(at + word.size());
    for (auto [zh, letter] : k_letters) {
      if (rest == zh || rest == std::string(zh) + "组") return Category{letter, sex};
    }
    return std::nullopt;
  }
  return std::nullopt;
}

std::optional<Sex> parse_sex(std::string_view text) {
  const std::string k = fold_key(text);
  if (k == "m" || k == "男" || k == "male" || k == "男性" || k == "男子" || k == "boy") return Sex::male;
  if (k == "f" || k == "女" || k == "female" || k == "女性" || k == "女子" || k == "girl") return Sex::female;
  return std::nullopt;
}

std::optional<Role> parse_role(std::string_view text) {
  const std::string k = fold_key(text);
  if (k.empty() || k == "player" || k == "运动员" || k == "球员" || k == "队员") return Role::player;
  if (k == "leader" || k == "team_leader" || k == "领队") return Role::leader;
  if (k == "coach" || k == "head_coach" || k == "教练" || k == "教练员" || k == "主教练") return Role::coach;
  if (k == "doctor" || k == "team_doctor" || k == "medic" || k == "队医" || k == "医生") return Role::doctor;
  return std::nullopt;
}

std::optional<HukouType> parse_hukou_type(std::string_view text) {
  std::string k = fold_key(text);
  if (k.ends_with("口")) k.resize(k.size() - 3);  // 集体户口 = 集体户
  if (k == "family" || k == "家庭户" || k == "家庭" || k == "家庭户籍" || k == "居民户" || k == "农业户" ||
      k == "非农业户") {
    return HukouType::family;
  }
  if (k == "individual" || k == "个人户" || k == "个人") return HukouType::individual;
  if (k == "collective" || k == "集体户" || k == "集体") return HukouType::collective;
  if (k == "temporary" || k == "临时户" || k == "临时") return HukouType::temporary;
  return std::nullopt;
}

std::optional<bool> parse_yes_no(std::string_view text) {
  const std::string k = fold_key(text);
  if (k == "yes" || k == "y" || k == "是" || k == "1" || k == "true" || k == "有" || k == "已签" || k == "已交" ||
      k == "已提交" || k == "✓" || k == "√" || k == "ok") {
    return true;
  }
  if (k == "no" || k == "n" || k == "否" || k == "0" || k == "false" || k == "无" || k == "未签" || k == "未交" ||
      k == "未提交" || k == "✗" || k == "×") {
    return false;
  }
  return std::nullopt;
}

Place locate(std::string_view text, std::string_view province, const std::vector<std::string>& aliases) {
  const std::string_view s = trim(text);
  if (s.empty()) return Place::none;
  if (starts_with_folded(s, province)) return Place::inside;
  for (const std::string& a : aliases) {
    if (!a.empty() && starts_with_folded(s, a)) return Place::inside;
  }
  if (province == "青海") {
    for (std::string_view p : k_qinghai_places) {
      if (s.starts_with(p)) return Place::inside;
    }
  }
  for (std::string_view p : k_provinces) {
    if (s.starts_with(p)) return Place::outside;
  }
  return Place::unclear;
}

const RowNotes& Roster::notes_of(const RosterRow& row) const {
  static const RowNotes k_none;
  return row.notes == RosterRow::k_no_notes ? k_none : notes[row.notes];
}

RowNotes& Roster::notes_for(RosterRow& row) {
  if (row.notes == RosterRow::k_no_notes) {
    row.notes = static_cast<std::uint32_t>(notes.size());
    notes.emplace_back();
  }
  return notes[row.notes];
}

void Roster::append(Roster&& part) {
  if (sources.empty() && teams.empty() && rows.empty() && notes.empty() &&
      rows.capacity() <= part.rows.capacity()) {  // nothing here, not even room reserved
    *this = std::move(part);
    return;
  }
  const auto source_base = static_cast<std::uint32_t>(sources.size());
  const auto headers_base = static_cast<std::uint32_t>(headers.size());
  const auto notes_base = static_cast<std::uint32_t>(notes.size());
  std::vector<std::uint32_t> team_of(part.teams.size());
  for (std::size_t t = 0; t < part.teams.size(); ++t) team_of[t] = intern_team(part.teams[t]);
  sources.insert(sources.end(), std::make_move_iterator(part.sources.begin()),
                 std::make_move_iterator(part.sources.end()));
  headers.insert(headers.end(), std::make_move_iterator(part.headers.begin()),
                 std::make_move_iterator(part.headers.end()));
  notes.insert(notes.end(), std::make_move_iterator(part.notes.begin()), std::make_move_iterator(part.notes.end()));
  if (rows.capacity() - rows.size() < part.rows.size()) {
    rows.reserve(std::max(rows.size() + part.rows.size(), 2 * rows.capacity()));
  }
  for (RosterRow& r : part.rows) {
    r.source += source_base;
    r.headers += headers_base;
    r.team = team_of[r.team];
    if (r.notes != RosterRow::k_no_notes) r.notes += notes_base;
    rows.push_back(std::move(r));
  }
  part = Roster{};
}

std::uint32_t Roster::intern_team(std::string_view team_name) {
  if (!teams.empty() && teams.back() == team_name) return static_cast<std::uint32_t>(teams.size() - 1);
  auto [it, added] = team_index_.try_emplace(std::string(team_name), static_cast<std::uint32_t>(teams.size()));
  if (added) teams.emplace_back(team_name);
  return it->second;
}

void parse_roster(std::string_view text, std::string_view source, const RosterOptions& options,
                  Roster& into, std::vector<Diagnostic>& diags) {
  DiagnosticSink sink(diags, source);
  const auto source_index = static_cast<std::uint32_t>(into.sources.size());
  const char delim = options.delimiter ? options.delimiter : sniff_delimiter(source, text);
  CsvReader reader(text, delim);
  CsvRecord rec;
  if (!reader.next_nonblank(rec)) {  // the header
    sink.add({Severity::error, std::string(source), 0, "", "", "roster_empty", {}});
    return;
  }
  const HeaderMatch hm = match_header(rec, k_columns);
  for (const std::string& d : hm.duplicated) {
    sink.add({Severity::error, std::string(source), rec.line, d, "", "duplicate_column", {}});
  }
  const auto need = [&](std::size_t col, std::string_view zh) {
    if (!hm.has(col)) {
      sink.add({Severity::error, std::string(source), rec.line, "", "", "missing_column",
                {std::string(k_columns[col].key), std::string(zh)}});
    }
  };
  need(c_name, "姓名");
  need(c_sex, "性别");
  need(c_birth, "出生日期");
  need(c_id, "身份证号");
  if (!hm.has(c_hukou_province) && !hm.has(c_school_province)) {
    sink.add({Severity::error, std::string(source), rec.line, "", "", "roster_no_residency_columns", {}});
  }
  if (hm.has(c_hukou_province)) {
    need(c_hukou_type, "户口类型");
    need(c_hukou_since, "户籍迁入日期");
  }
  if (hm.has(c_school_province)) need(c_school_since, "入学日期");
  if (!hm.has(c_category) && !options.category) {
    sink.add({Severity::error, std::string(source), rec.line, "", "", "roster_no_category", {}});
  }
  if (sink.error_count() > 0) return;

  into.sources.emplace_back(source);
  const auto headers_index = static_cast<std::uint32_t>(into.headers.size());
  {
    RosterHeaders h;
    const auto hd = [&](std::size_t col) {
      const int f = hm.index[col];
      return f >= 0 ? hm.header[static_cast<std::size_t>(f)] : std::string(k_columns[col].key);
    };
    h = {hd(c_team), hd(c_category), hd(c_role), hd(c_name), hd(c_sex), hd(c_birth), hd(c_id), hd(c_shirt),
         hd(c_hukou_province), hd(c_hukou_type), hd(c_hukou_since), hd(c_school_province), hd(c_school_since),
         hd(c_full_time), hd(c_anti_doping), hd(c_discipline)};
    into.headers.push_back(std::move(h));
  }

  // The cells that say something about a person: a row with none of them is
  // an empty template row (only 序号 filled in, say) and is skipped.
  static constexpr std::size_t k_person_cols[] = {c_name, c_sex, c_birth, c_id, c_shirt, c_hukou_province,
                                                  c_hukou_type, c_hukou_since, c_school_province, c_school_since};
  std::vector<Diagnostic> unused;
  DiagnosticSink row_sink(unused, source);
  RowReader row(source, hm, row_sink);
  std::uint32_t last_team = static_cast<std::uint32_t>(-1);
  std::optional<Category> last_category;
  LastParse<std::optional<Role>> role_of;
  LastParse<std::optional<Category>> category_of;
  LastParse<std::optional<Sex>> sex_of;
  LastParse<std::optional<HukouType>> hukou_type_of;
  LastParse<std::optional<bool>> full_time_of, anti_doping_of, discipline_of;
  LastParse<Place> hukou_place_of, school_place_of;
  const auto place = [&](std::string_view cell) { return locate(cell, options.province, options.province_aliases); };
  // What every row reads of the options, copied here: the options may live
  // on another thread's stack, in a cache line that thread keeps writing.
  const std::string_view default_team = options.default_team;
  const std::optional<Category> option_category = options.category;
  const Date as_of = options.as_of;

  // Room for every line (an upper bound of the rows), within reason: the
  // rows are not moved as they come, and a file of blank lines reserves little.
  // (The lines are only counted when the room left may be short of them.)
  if (const std::size_t most = text.size() / 32 + 16; into.rows.capacity() - into.rows.size() < most) {
    const std::size_t lines =
        std::min<std::size_t>(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1, most);
    if (into.rows.capacity() - into.rows.size() < lines) {
      into.rows.reserve(std::max(into.rows.size() + lines, 2 * into.rows.capacity()));
    }
  }
  // Template rows skipped: said once per file, so none goes unseen.
  std::size_t skipped = 0, first_skipped = 0, last_skipped = 0;
  while (reader.next(rec)) {
    if (rec.blank()) continue;
    row.start(rec);
    bool person = rec.unterminated_quote;
    for (std::size_t col : k_person_cols) person = person || !row.empty(col);
    if (!person) {
      if (skipped++ == 0) first_skipped = rec.line;
      last_skipped = rec.line;
      continue;
    }

    RosterRow& r = into.rows.emplace_back();
    r.source = source_index;
    r.line = static_cast<std::uint32_t>(rec.line);
    r.headers = headers_index;
    const auto finding = [&](Reason reason, std::size_t col, std::string_view code, std::vector<std::string> args = {}) {
      const int f = hm.index[col];
      into.notes_for(r).findings.push_back(
          Finding{reason, f >= 0 ? hm.header[static_cast<std::size_t>(f)] : std::string(k_columns[col].key),
                  std::string(trim(row.raw(col))), {Message{code, std::move(args)}}});
    };
    if (rec.unterminated_quote) {
      into.notes_for(r).findings.push_back(
          Finding{Reason::missing_field, "", "", {Message{"elig.unterminated_quote", {}}}});
    }

    // Team: the cell, else the file's default (its stem).
    std::string_view team = row.text(c_team);
    if (team.empty()) team = default_team;
    r.team = team.empty() && last_team != static_cast<std::uint32_t>(-1) ? last_team : into.intern_team(team);
    last_team = r.team;

    // Role first: staff rows need fewer cells.
    if (const std::optional<Role>& role = role_of(row.text(c_role), parse_role)) {
      r.role = *role;
    } else {
      r.role = Role::unknown;
      finding(Reason::unknown_role, c_role, "elig.unknown_role");
    }
    const bool player = r.role == Role::player;

    // Category: the cell, else --category.
    const std::string_view cat = row.text(c_category);
    if (!cat.empty()) {
      if (const std::optional<Category>& c = category_of(cat, parse_category)) {
        r.category = *c;
      } else {
        into.notes_for(r).category_text = std::string(cat);
        finding(Reason::unknown_category, c_category, "elig.unknown_category");
      }
    } else if (option_category) {
      r.category = *option_category;
    } else if (last_category) {
      r.category = *last_category;  // a category written once per team block
    } else if (player) {
      finding(Reason::unknown_category, c_category, "elig.category_missing");
    }
    if (r.category.known()) last_category = r.category;

    r.name = row.text(c_name);
    if (r.name.empty()) finding(Reason::missing_field, c_name, "elig.name_missing");

    const std::string_view sex = row.text(c_sex);
    if (const std::optional<Sex>& sx = sex_of(sex, parse_sex)) {
      r.sex = *sx;
      // Read as a sex, the text is one of parse_sex's words (6 bytes at most).
      r.sex_size = static_cast<std::uint8_t>(std::min(sex.size(), r.sex_chars.size()));
      std::copy_n(sex.data(), r.sex_size, r.sex_chars.data());
    } else if (player) {
      finding(Reason::missing_field, c_sex, sex.empty() ? "elig.sex_missing" : "elig.sex_unknown");
    }

    // The ID number: kept for every role (duplicates), judged for players.
    const std::string_view id_raw = row.raw(c_id);
    r.id = check_id_number(id_raw, as_of);
    if (!r.id.ok()) into.notes_for(r).id_text = std::string(trim(id_raw));

    if (player) {
      const DateParse bd = fast_date(row.raw(c_birth));
      if (bd.date) {
        r.birth_date = bd.date;
      } else if (bd.error == DateError::missing) {
        finding(Reason::missing_field, c_birth, "elig.birth_missing");
      } else {
        finding(Reason::bad_birth_date, c_birth, date_message(bd.error));
      }
      if (hm.has(c_shirt) && !row.empty(c_shirt)) {
        if (auto n = parse_count(row.text(c_shirt), 999)) {
          r.shirt = static_cast<std::int16_t>(*n);  // at most 999
        } else {
          finding(Reason::missing_field, c_shirt, "elig.shirt_bad");
        }
      }
      // Residency cells: read here, judged in check_eligibility.
      if (hm.has(c_hukou_province)) {
        const std::string_view province = row.text(c_hukou_province);
        r.hukou_place = hukou_place_of(province, place);
        if (r.hukou_place != Place::inside && !province.empty()) into.notes_for(r).hukou_text = std::string(province);
        const std::string_view type = row.text(c_hukou_type);
        if (!type.empty()) {
          if (const std::optional<HukouType>& t = hukou_type_of(type, parse_hukou_type)) r.hukou_type = *t;
          // The text is only ever shown for a type that does not count.
          if (r.hukou_type != HukouType::family && r.hukou_type != HukouType::individual) {
            into.notes_for(r).hukou_type_text = std::string(type);
          }
        }
        const DateParse since = fast_date(row.raw(c_hukou_since));
        if (since.date) {
          r.hukou_since = since.date;
        } else if (since.error != DateError::missing) {
          finding(Reason::missing_field, c_hukou_since, date_message(since.error));
        }
      }
      if (hm.has(c_school_province)) {
        const std::string_view school = row.text(c_school_province);
        r.school_place = school_place_of(school, place);
        if (r.school_place != Place::inside && !school.empty()) into.notes_for(r).school_text = std::string(school);
        const DateParse since = fast_date(row.raw(c_school_since));
        if (since.date) {
          r.school_since = since.date;
        } else if (since.error != DateError::missing) {
          finding(Reason::missing_field, c_school_since, date_message(since.error));
        }
        if (hm.has(c_full_time)) {
          const std::string_view ft = row.text(c_full_time);
          if (ft.empty()) {
            r.full_time = YesNo::empty;
          } else if (const std::optional<bool>& yn = full_time_of(ft, parse_yes_no)) {
            r.full_time = *yn ? YesNo::yes : YesNo::no;
          } else {
            finding(Reason::missing_field, c_full_time, "elig.yes_no_bad");
          }
        }
      }
      const auto pledge = [&](std::size_t col, LastParse<std::optional<bool>>& parsed, YesNo& into_field) {
        if (!hm.has(col)) return;
        const std::string_view v = row.text(col);
        if (v.empty()) {
          into_field = YesNo::empty;
        } else if (const std::optional<bool>& yn = parsed(v, parse_yes_no)) {
          into_field = *yn ? YesNo::yes : YesNo::no;
        } else {
          into_field = YesNo::absent;  // reported here, not again as a missing pledge
          finding(Reason::pledge_missing, col, "elig.yes_no_bad");
        }
      };
      pledge(c_anti_doping, anti_doping_of, r.anti_doping);
      pledge(c_discipline, discipline_of, r.discipline);
    }
  }
  if (skipped > 0) {
    sink.add({Severity::warning, std::string(source), first_skipped, "", "", "roster_template_rows",
              {std::to_string(skipped), std::to_string(first_skipped), std::to_string(last_skipped)}});
  }
}

}  // namespace matchday
