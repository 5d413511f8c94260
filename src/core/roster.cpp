#include "matchday/roster.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>
#include <map>
#include <utility>

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
    {"team", "队名|代表队|球队|队伍|参赛队|参赛单位|代表单位|参赛队伍|队伍名称|单位|单位名称|报名单位"},
    {"category", "参赛组别|组别|组|参赛组|比赛组别|报名组别"},
    {"role", "身份|职务|角色|人员类别|人员类型|类别|人员身份"},
    {"name", "姓名|名字|运动员姓名|队员姓名|球员姓名|学生姓名"},
    {"sex", "性别|gender|sex"},
    {"birth_date", "出生日期|出生年月日|出生年月|出生时间|生日|出生|birthday|date_of_birth|dob|birth_date"},
    {"id_number",
     "身份证号|身份证号码|身份证|公民身份号码|公民身份证号码|公民身份证号|身份证件号码|身份证件号|证件号码|证件号|"
     "居民身份证号码|居民身份证号|身份证编号|id|id_no|id_card|id_number"},
    {"shirt_number", "号码|球衣号码|球衣号|背号|比赛服号码|服装号码|上衣号码|运动员号码|shirt|number|shirt_number"},
    {"hukou_province",
     "户籍省份|户籍所在地|户籍|户口所在地|户籍地址|户籍所在省|户籍地|户口所在省|户籍所在省份|户口地址|户籍住址|户籍所在地址"},
    {"hukou_type", "户口类型|户籍类型|户口性质|户籍性质|户口类别|户别|户口种类|户籍户口类型"},
    {"hukou_since",
     "户籍迁入日期|落户日期|户籍起始日期|迁入日期|入户日期|迁入时间|户籍迁入时间|落户时间|入户时间|户口迁入日期|户口迁入时间|"
     "户籍落户日期|户籍迁入"},
    {"school_province",
     "学籍所在地|学籍省份|学籍所在学校|学籍学校|就读学校|学校|所在学校|学校名称|学籍所在学校名称|学籍所在省|学籍地"},
    {"school_since", "入学日期|学籍起始日期|入学时间|入学年月|学籍入学日期|学籍注册日期|注册学籍日期|学籍入学时间"},
    {"school_full_time", "全日制|是否全日制|学籍全日制|是否为全日制|全日制学生"},
    {"anti_doping_pledge", "反兴奋剂承诺书|反兴奋剂承诺"},
    {"discipline_letter", "赛风赛纪责任书|赛风赛纪承诺书"},
}};

// A roster's header names people and their ID numbers; the rest is checked
// against it (and birth date and sex can come from the ID).
bool roster_header(const HeaderMatch& m) { return m.has(c_name) && m.has(c_id); }

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


// The names in a staff pair's value: `马建军`, `韩国强、李明`, `马建军 13900000000`.
std::vector<std::string> staff_names(std::string_view value) {
  std::vector<std::string> out;
  // The value with each separator as a space (built anew: no replace in place).
  std::string v;
  for (std::size_t i = 0; i < value.size();) {
    std::size_t len = 0;
    for (std::string_view sep : {"、", "，", "；", "/", ",", ";", "\t"}) {
      if (value.substr(i).starts_with(sep)) len = sep.size();
    }
    if (len > 0) {
      v += ' ';
      i += len;
    } else {
      v += value[i++];
    }
  }
  std::size_t at = 0;
  while (at < v.size()) {
    std::size_t end = v.find(' ', at);
    if (end == std::string::npos) end = v.size();
    std::string word = v.substr(at, end - at);
    at = end + 1;
    if (const std::size_t paren = word.find('('); paren != std::string::npos) word.resize(paren);
    if (const std::size_t paren = word.find("（"); paren != std::string::npos) word.resize(paren);
    if (word.empty() || std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
    out.push_back(std::move(word));
  }
  return out;
}

// Whether a row is a template's example (例, 示例, 填写示例 … first), which may
// hold a plausible ID number: not a person.
bool example_row(const CsvRecord& rec) {
  for (std::string_view f : rec.fields) {
    const std::string_view t = trim(f);
    if (t.empty()) continue;
    for (std::string_view w : {"例", "示例", "样例", "范例", "填写示例", "填表示例", "举例"}) {
      if (t.starts_with(w)) return true;
    }
    return false;
  }
  return false;
}

// Whether a row after the footer began still says something about a person.
bool person_like(std::string_view id, std::string_view sex, std::string_view birth) {
  std::size_t digits = 0;
  for (char ch : id) digits += ch >= '0' && ch <= '9';
  return digits >= 15 || parse_sex(sex).has_value() || parse_date(birth).date.has_value();
}

// A date cell a valid ID number settles: an ambiguous 3/5/2009 whose one
// reading is the ID's birth date, or a year and month (2009.03, 2009年3月)
// that are the ID's.
std::optional<Date> settle_by_id(std::string_view cell, const Date& birth) {
  std::string scratch;
  const std::string_view s = normalize_cell(cell, scratch);
  std::vector<int> parts;
  std::vector<std::size_t> sizes;
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] < '0' || s[i] > '9') {
      ++i;
      continue;
    }
    std::size_t j = i;
    int v = 0;
    while (j < s.size() && s[j] >= '0' && s[j] <= '9' && j - i < 6) v = v * 10 + (s[j++] - '0');
    parts.push_back(v);
    sizes.push_back(j - i);
    i = j;
  }
  if (parts.size() == 3 && sizes[2] == 4 && parts[2] == birth.year) {
    if ((parts[0] == birth.month && parts[1] == birth.day) || (parts[1] == birth.month && parts[0] == birth.day)) {
      return birth;
    }
  }
  if (parts.size() == 3 && sizes[0] <= 2 && sizes[1] <= 2 && sizes[2] <= 2 && parts[0] == birth.year % 100 &&
      parts[1] == birth.month && parts[2] == birth.day) {
    return birth;  // 09/3/5
  }
  if (parts.size() == 2 && sizes[0] == 4 && parts[0] == birth.year && parts[1] == birth.month) return birth;
  return std::nullopt;
}

// 户籍迁入日期 `出生`, `自出生`, `出生时`, `出生落户`: since birth.
bool since_birth(std::string_view text) {
  const std::string k = header_key(text);
  return k == "出生" || k == "自出生" || k == "出生时" || k == "出生落户" || k == "出生即落户" || k == "出生入户" ||
         k == "出生登记" || k == "从出生" || k == "出生至今" || k == "自出生起";
}

// A shirt number as written: 10, 10号, 10.0, １０ (normalised), No.10.
std::optional<int> shirt_number(std::string_view text) {
  std::string_view s = trim(text);
  if (s.starts_with("No.") || s.starts_with("no.") || s.starts_with("NO.")) s = trim(s.substr(3));
  if (s.ends_with("号")) s = trim(s.substr(0, s.size() - 3));
  if (const std::size_t dot = s.find('.'); dot != std::string_view::npos) {
    const std::string_view frac = s.substr(dot + 1);
    if (frac.empty() || frac.find_first_not_of('0') != std::string_view::npos) return std::nullopt;
    s = s.substr(0, dot);
  }
  return parse_count(s, 999);
}

// A category named anywhere in a text (a file name, a form's title without
// a 参赛组别： key: `2025年…锦标赛（甲组男子）报名表`), when it names one only.
std::optional<Category> category_in_text(std::string_view text) {
  std::optional<Category> found;
  for (std::string_view c : {"甲组男子", "甲组女子", "乙组男子", "乙组女子", "丙组男子", "丙组女子", "丁组男子",
                             "丁组女子", "男子甲组", "女子甲组", "男子乙组", "女子乙组", "男子丙组", "女子丙组"}) {
    if (text.find(c) == std::string_view::npos) continue;
    const std::optional<Category> cat = parse_category(c);
    if (found && cat != found) return std::nullopt;  // 甲组男子 and 乙组女子: which?
    found = cat;
  }
  return found;
}

// Cuts what a file name says besides the team: 附件2：, the year, 报名表, the
// category, (盖章), 最终版 ...
std::string clean_file_name(std::string_view name) {
  std::string scratch;
  std::string s(normalize_cell(name, scratch));
  const auto erase_all = [&](std::string_view w) {
    for (std::size_t at = s.find(w); at != std::string::npos; at = s.find(w)) s.erase(at, w.size());
  };
  // Brackets and what they hold: (盖章), 【最终版】, (1).
  for (const auto& [open, close] : {std::pair<std::string_view, std::string_view>{"(", ")"}, {"【", "】"}, {"[", "]"}}) {
    for (std::size_t at = s.find(open); at != std::string::npos; at = s.find(open, at)) {
      const std::size_t end = s.find(close, at);
      if (end == std::string::npos) break;
      s.erase(at, end + close.size() - at);
    }
  }
  // 附件2：, 附件 3-
  if (const std::size_t at = s.find("附件"); at != std::string::npos) {
    std::size_t end = at + std::string_view("附件").size();
    while (end < s.size() && ((s[end] >= '0' && s[end] <= '9') || s[end] == ':' || s[end] == ' ' || s[end] == '-' ||
                              s[end] == '_' || s[end] == '.')) {
      ++end;
    }
    s.erase(at, end - at);
  }
  // A year: 2025年, 2025年度, 2025-
  for (std::size_t at = 0; at + 4 <= s.size(); ++at) {
    if (std::all_of(s.begin() + static_cast<std::ptrdiff_t>(at), s.begin() + static_cast<std::ptrdiff_t>(at) + 4,
                    [](char c) { return c >= '0' && c <= '9'; }) &&
        (at + 4 == s.size() || s[at + 4] < '0' || s[at + 4] > '9') && (at == 0 || s[at - 1] < '0' || s[at - 1] > '9')) {
      std::size_t end = at + 4;
      if (s.compare(end, 6, "年度") == 0) {
        end += 6;
      } else if (s.compare(end, 3, "年") == 0) {
        end += 3;
      }
      s.erase(at, end - at);
      break;
    }
  }
  // Categories: 甲组男子, 男子甲组, 乙组女子组, 甲组, U15.
  for (std::string_view c : {"甲组男子组", "甲组女子组", "乙组男子组", "乙组女子组", "丙组男子组", "丙组女子组",
                             "甲组男子", "甲组女子", "乙组男子", "乙组女子", "丙组男子", "丙组女子", "丁组男子",
                             "丁组女子", "男子甲组", "女子甲组", "男子乙组", "女子乙组", "男子丙组", "女子丙组",
                             "甲组", "乙组", "丙组", "丁组", "男子组", "女子组"}) {
    erase_all(c);
  }
  for (std::string_view w : {"运动员报名表", "报名登记表", "报名信息表", "报名汇总表", "参赛报名表", "报名表", "报名单",
                             "名单表", "运动员名单", "参赛名单", "名单", "登记表", "信息表", "汇总表", "最终版", "终版",
                             "修改版", "定稿", "副本", "盖章版", "盖章", "足球锦标赛", "锦标赛", "足球联赛", "联赛",
                             "青少年", "足球", "比赛", "报名", "代表队", "运动员", "参赛", "final", "copy"}) {
    erase_all(w);
  }
  // Separators left at either end, or doubled.
  const auto sep_at = [&](std::size_t at) -> std::size_t {
    for (std::string_view sp : {" ", "-", "_", ".", ",", ":", "、", "，", "·", "：", "—"}) {
      if (s.compare(at, sp.size(), sp) == 0) return sp.size();
    }
    return 0;
  };
  while (!s.empty() && sep_at(0) > 0) s.erase(0, sep_at(0));
  for (bool cut = true; cut && !s.empty();) {
    cut = false;
    for (std::size_t back = 1; back <= 3 && back <= s.size(); ++back) {
      if (sep_at(s.size() - back) == back) {
        s.resize(s.size() - back);
        cut = true;
        break;
      }
    }
  }
  return s;
}

std::string_view base_name(std::string_view path, std::string_view& folder) {
  std::string_view p = path;
  while (p.size() > 1 && (p.back() == '/' || p.back() == '\\')) p.remove_suffix(1);
  const std::size_t slash = p.find_last_of("/\\");
  folder = slash == std::string_view::npos ? std::string_view{} : p.substr(0, slash);
  std::string_view name = slash == std::string_view::npos ? p : p.substr(slash + 1);
  if (const std::size_t dot = name.rfind('.'); dot != std::string_view::npos && dot > 0) name = name.substr(0, dot);
  return name;
}

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
  // Only 集体 and 临时 exclude; the household's nature (农业, 非农业, 居民,
  // 城镇, 农村, 居民家庭户, 统一居民户 ...) says a family household.
  if (k.find("集体") != std::string::npos) return HukouType::collective;
  if (k.find("临时") != std::string::npos) return HukouType::temporary;
  for (std::string_view w : {"农业", "居民", "城镇", "农村", "家庭", "城市", "非农"}) {
    if (k.find(w) != std::string::npos) return HukouType::family;
  }
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
  std::string_view s = trim(text);
  if (s.empty()) return Place::none;
  // An address written from the country: 中国青海省西宁市, 中华人民共和国青海省.
  for (std::string_view country : {"中华人民共和国", "中国"}) {
    if (s.starts_with(country) && s.size() > country.size()) {
      s = trim(s.substr(country.size()));
      break;
    }
  }
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

std::string team_from_file_name(std::string_view path) {
  std::string_view folder;
  const std::string_view name = base_name(path, folder);
  std::string team = clean_file_name(name);
  if (team.empty() && !folder.empty()) {
    std::string_view above;
    team = clean_file_name(base_name(std::string(folder) + ".x", above));
  }
  return team;
}

std::optional<Category> category_from_file_name(std::string_view path) {
  std::string_view folder;
  return category_in_text(base_name(path, folder));
}

void roster_name_clashes(const Roster& roster, std::vector<Diagnostic>& diags) {
  std::map<std::string, std::size_t> first;  // team -> the first source naming it
  for (std::size_t i = 0; i < roster.name_teams.size() && i < roster.sources.size(); ++i) {
    const std::string& team = roster.name_teams[i];
    if (team.empty()) continue;
    const auto [it, added] = first.try_emplace(team, i);
    if (added) continue;
    std::string_view f1, f2;
    (void)base_name(roster.sources[it->second], f1);
    (void)base_name(roster.sources[i], f2);
    if (f1 == f2) continue;  // one folder: a team's files (one per category, say)
    diags.push_back({Severity::error, roster.sources[i], 0, "", "", "roster_team_name_clash",
                     {team, roster.sources[it->second]}});
  }
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
  name_teams.resize(source_base);
  name_teams.insert(name_teams.end(), std::make_move_iterator(part.name_teams.begin()),
                    std::make_move_iterator(part.name_teams.end()));
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
  const std::size_t first_row = into.rows.size();  // this file's rows start here
  const char delim = options.delimiter ? options.delimiter : sniff_delimiter(source, text);
  const FoundHeader fh = find_header(text, delim, k_columns, roster_header);
  if (fh.line == 0) {
    sink.add({Severity::error, std::string(source), 0, "", "", "roster_empty", {}});
    return;
  }
  report_header(fh, source, sink);
  const HeaderMatch& hm = fh.match;
  const std::size_t header_line = fh.line;
  for (const std::string& d : hm.duplicated) {
    sink.add({Severity::error, std::string(source), header_line, d, "", "duplicate_column", {}});
  }
  const auto need = [&](std::size_t col, std::string_view zh) {
    if (!hm.has(col)) {
      sink.add({Severity::error, std::string(source), header_line, "", "", "missing_column",
                {std::string(k_columns[col].key), std::string(zh)}});
    }
  };
  need(c_name, "姓名");
  need(c_id, "身份证号");  // birth date and sex can come from it
  if (!hm.has(c_hukou_province) && !hm.has(c_school_province)) {
    sink.add({Severity::error, std::string(source), header_line, "", "", "roster_no_residency_columns", {}});
  }
  if (hm.has(c_hukou_province)) {
    need(c_hukou_type, "户口类型");
    need(c_hukou_since, "户籍迁入日期");
  }
  if (hm.has(c_school_province)) need(c_school_since, "入学日期");

  // The form's title block: the team and category of a file without such
  // columns, and staff named there.
  std::string title_team;
  std::optional<Category> title_category;
  std::size_t title_team_line = 0, title_category_line = 0;
  struct Staff {
    Role role;
    std::string name;
    std::size_t line;
  };
  std::vector<Staff> staff;
  const auto staff_of = [&](const FormPair& p, std::size_t line) {
    if (p.key != FormKey::leader && p.key != FormKey::coach && p.key != FormKey::doctor) return false;
    const Role role = p.key == FormKey::leader ? Role::leader : p.key == FormKey::coach ? Role::coach : Role::doctor;
    for (std::string& n : staff_names(p.value)) staff.push_back({role, std::move(n), line});
    return true;
  };
  for (const FormRow& t : fh.title) {
    for (const FormPair& p : form_pairs(t.cells)) {
      if (p.key == FormKey::team && title_team.empty() && !p.value.empty()) {
        title_team = p.value;
        title_team_line = t.line;
      } else if (p.key == FormKey::category && !title_category && !p.value.empty()) {
        title_category = parse_category(p.value);
        if (title_category) title_category_line = t.line;
      } else {
        staff_of(p, t.line);
      }
    }
  }
  // A title that names the category in its text: 2025年…锦标赛（甲组男子）报名表.
  for (const FormRow& t : fh.title) {
    if (title_category) break;
    std::string joined;
    for (const std::string& c : t.cells) joined += c + " ";
    if ((title_category = category_in_text(joined))) title_category_line = t.line;
  }
  // The file's team when the header has no team column and the title none:
  // from the file's name (without 附件2：, 报名表, the category ...).
  std::string name_team;
  std::string_view unused_folder;
  if (!hm.has(c_team) && title_team.empty() && options.default_team.empty() && !options.file_path.empty()) {
    name_team = team_from_file_name(options.file_path);
  }
  const std::optional<Category> name_category =
      options.file_path.empty() ? std::nullopt : category_from_file_name(options.file_path);
  if (!hm.has(c_category) && !options.category && !title_category && !name_category) {
    sink.add({Severity::error, std::string(source), header_line, "", "", "roster_no_category", {}});
  }
  if (sink.error_count() > 0) return;
  if (!hm.has(c_team) && !title_team.empty()) {
    sink.add({Severity::warning, std::string(source), title_team_line, "", title_team, "roster_title_team", {}});
  } else if (!hm.has(c_team) && !name_team.empty() && name_team != base_name(options.file_path, unused_folder)) {
    sink.add({Severity::warning, std::string(source), 0, "", name_team, "roster_name_team", {}});
  }
  if (!hm.has(c_category) && title_category) {
    sink.add({Severity::warning, std::string(source), title_category_line, "", title_category->code(),
              "roster_title_category", {}});
  } else if (!hm.has(c_category) && !options.category && name_category) {
    sink.add({Severity::warning, std::string(source), 0, "", name_category->code(), "roster_name_category", {}});
  }

  into.sources.emplace_back(source);
  into.name_teams.resize(source_index);
  into.name_teams.push_back(name_team);
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
  const std::string_view default_team =
      !title_team.empty() ? std::string_view(title_team)
                          : !options.default_team.empty() ? std::string_view(options.default_team) : name_team;
  // A category in the title comes before --category, which comes before the file's name.
  const std::optional<Category> option_category =
      title_category ? title_category : options.category ? options.category : name_category;
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
  // The form's footer: its lines (said in one warning), and staff named there.
  std::vector<std::size_t> footer_lines;
  bool in_footer = false;
  const auto add_staff = [&](const Staff& st) {
    RosterRow& r = into.rows.emplace_back();
    r.source = source_index;
    r.line = static_cast<std::uint32_t>(st.line);
    r.headers = headers_index;
    r.role = st.role;
    r.name = st.name;
    r.team = last_team != static_cast<std::uint32_t>(-1) ? last_team : into.intern_team(default_team);
    if (last_category) {
      r.category = *last_category;
    } else if (option_category) {
      r.category = *option_category;
    }
    r.id = check_id_number("", as_of);
  };
  // The title's staff go in before the first person (whose team they take).
  std::vector<Staff> title_staff = std::move(staff);
  staff.clear();
  const auto add_title_staff = [&] {
    for (const Staff& st : title_staff) add_staff(st);
    title_staff.clear();
  };
  CsvReader reader(text, delim);
  reader.seek(fh.body, fh.body_line);
  CsvRecord rec;
  std::vector<std::string> cells;
  while (reader.next(rec)) {
    if (rec.blank()) continue;
    row.start(rec);
    // A footer row: no ID number in it, and a key, a note or a date first (or
    // anything that is not a person once the footer has begun).
    if (!rec.unterminated_quote && example_row(rec)) {
      footer_lines.push_back(rec.line);
      continue;
    }
    if (!rec.unterminated_quote && !person_like(row.raw(c_id), {}, {})) {
      cells.assign(rec.fields.begin(), rec.fields.end());
      const std::vector<FormPair> pairs = form_pairs(cells);
      if (footer_row(cells, pairs) ||
          (in_footer && !person_like(row.raw(c_id), row.text(c_sex), row.raw(c_birth)))) {
        in_footer = true;
        staff.clear();
        bool only_staff = !pairs.empty();
        for (const FormPair& p : pairs) only_staff = staff_of(p, rec.line) && only_staff;
        // Staff the file's rows already list (a 领队 row, and 领队：X again at
        // the foot) are not added twice; the footer row is then counted.
        const std::size_t named = staff.size();
        std::erase_if(staff, [&](const Staff& st) {
          return std::any_of(into.rows.begin() + static_cast<std::ptrdiff_t>(first_row), into.rows.end(),
                             [&](const RosterRow& r) { return r.role == st.role && r.name == st.name; });
        });
        for (const Staff& st : staff) add_staff(st);
        if (!only_staff || staff.empty() || staff.size() < named) footer_lines.push_back(rec.line);
        continue;
      }
    }
    bool person = rec.unterminated_quote;
    for (std::size_t col : k_person_cols) person = person || !row.empty(col);
    if (!person) {
      if (skipped++ == 0) first_skipped = rec.line;
      last_skipped = rec.line;
      continue;
    }

    if (!title_staff.empty()) {
      if (!hm.has(c_team) || row.text(c_team).empty()) {
        add_title_staff();
      } else {  // the team of the first person
        last_team = into.intern_team(row.text(c_team));
        add_title_staff();
      }
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

    // The ID number: kept for every role (duplicates), judged for players.
    const std::string_view id_raw = row.raw(c_id);
    r.id = check_id_number(id_raw, as_of);
    if (!r.id.ok()) into.notes_for(r).id_text = std::string(trim(id_raw));

    const std::string_view sex = row.text(c_sex);
    if (const std::optional<Sex>& sx = sex_of(sex, parse_sex)) {
      r.sex = *sx;
      // Read as a sex, the text is one of parse_sex's words (6 bytes at most).
      r.sex_size = static_cast<std::uint8_t>(std::min(sex.size(), r.sex_chars.size()));
      std::copy_n(sex.data(), r.sex_size, r.sex_chars.data());
    } else if (sex.empty() && r.id.ok()) {
      r.sex = r.id.sex == 'M' ? Sex::male : Sex::female;  // no sex column, or an empty cell: the ID's
      into.notes_for(r).sex_from_id = true;
    } else if (player) {
      finding(Reason::missing_field, c_sex, sex.empty() ? "elig.sex_missing" : "elig.sex_unknown");
    }

    if (player) {
      const DateParse bd = fast_date(row.raw(c_birth));
      if (bd.date) {
        r.birth_date = bd.date;
      } else if (bd.error == DateError::missing && r.id.ok()) {
        r.birth_date = OptionalDate(Date(r.id.birth));  // no birth-date column, or an empty cell: the ID's
        into.notes_for(r).birth_from_id = true;
      } else if (bd.error == DateError::missing) {
        finding(Reason::missing_field, c_birth, "elig.birth_missing");
      } else if (const std::optional<Date> settled = r.id.ok() ? settle_by_id(row.raw(c_birth), Date(r.id.birth))
                                                               : std::nullopt) {
        r.birth_date = OptionalDate(*settled);  // 3/5/2009 with an ID born 2009-03-05
        into.notes_for(r).birth_from_id = true;
      } else {
        finding(Reason::bad_birth_date, c_birth, date_message(bd.error));
      }
      if (hm.has(c_shirt) && !row.empty(c_shirt)) {
        if (auto n = shirt_number(row.text(c_shirt))) {
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
        } else if (since_birth(row.text(c_hukou_since))) {
          r.hukou_since = r.birth_date;  // registered there since birth
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
  add_title_staff();
  if (!footer_lines.empty()) {
    sink.add({Severity::warning, std::string(source), footer_lines.front(), "", "", "roster_footer_rows",
              {std::to_string(footer_lines.size()), line_list(footer_lines)}});
  }
  if (skipped > 0) {
    sink.add({Severity::warning, std::string(source), first_skipped, "", "", "roster_template_rows",
              {std::to_string(skipped), std::to_string(first_skipped), std::to_string(last_skipped)}});
  }
}

}  // namespace matchday
