// Benchmark data for bench/run.sh: results files and roster files shaped like
// the ones a competition secretary gets (Chinese headers and names, UTF-8,
// LF), generated from a fixed seed so that every run writes the same bytes.
//
//   gen results OUT GROUPS TEAMS [unplayed | unplayed=SHARE]
//                                  double round robin, GROUPS groups of TEAMS;
//                                  `unplayed`: the last round not played yet;
//                                  `unplayed=0.03`: mid-season, the last 3% of
//                                  each group's fixtures not played yet (the
//                                  other rows as in the file without it)
//   gen rosters DIR FILES ROWS     FILES roster files of ROWS rows each
//   gen roster OUT ROWS            one team's roster: players, then leader, coach, doctor
//
// Results follow the Qinghai rules (every draw goes to a shootout); roster ID
// numbers are well formed (GB 11643-1999 check character) and unique.
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace {

// A small deterministic generator (splitmix64): the same data on every machine.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : m_state(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }

 private:
  std::uint64_t m_state;
};

constexpr std::array<std::string_view, 40> k_places{
    "西宁", "海东", "格尔木", "德令哈", "玉树", "果洛", "黄南", "海北", "海南", "海西",
    "大通", "湟中", "湟源", "民和", "乐都", "互助", "化隆", "循化", "门源", "祁连",
    "共和", "贵德", "同仁", "尖扎", "泽库", "河南", "刚察", "海晏", "天峻", "乌兰",
    "都兰", "茫崖", "冷湖", "囊谦", "杂多", "称多", "治多", "曲麻莱", "玛沁", "班玛"};
constexpr std::array<std::string_view, 8> k_suffixes{
    "一中", "二中", "三中", "实验中学", "体校", "少年队", "青训队", "足球学校"};

// Day `n` after 2025-07-30, as ISO text (July 31, August 31, September 30 days).
std::string date_after(int n) {
  static constexpr int k_month_days[] = {31, 31, 30, 31, 30, 31};
  int month = 7, day = 30 + n;
  for (int m = 0; day > k_month_days[m]; ++m) {
    day -= k_month_days[m];
    ++month;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "2025-%02d-%02d", month, day);
  return buf;
}

// Regulation goals: 0..5, weighted towards low scores.
int goals(Rng& rng) {
  static constexpr int k_table[] = {0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 3, 3, 4, 5};
  return k_table[rng.below(14)];
}

// `last_round`: the last round not played; `share`: the last `share` of each
// group's fixtures not played (their scores drawn and left out, so that the
// other rows are those of the file without unplayed fixtures).
int write_results(const char* path, int groups, int teams, bool last_round, double share) {
  std::FILE* f = std::fopen(path, "wb");
  if (!f) {
    std::perror(path);
    return 1;
  }
  Rng rng(20250730);
  std::string out;
  out.reserve(1 << 20);
  out += "小组,轮次,日期,主队,客队,主队进球,客队进球,主队点球,客队点球,主队黄牌,客队黄牌,主队红牌,客队红牌\n";
  const int n = teams + (teams % 2);  // a bye when odd
  const int fixtures = teams * (teams - 1);  // a group's, both legs
  const int left = static_cast<int>(share * fixtures + 0.5);
  for (int g = 0; g < groups; ++g) {
    char group[32];
    std::snprintf(group, sizeof group, "第%04d组", g + 1);
    // Twenty distinct names: a place and a kind of team, and the group's
    // number, since a team plays in one group (matchday refuses a team in two).
    std::vector<std::string> names;
    while (static_cast<int>(names.size()) < teams) {
      std::string name(k_places[rng.below(k_places.size())]);
      name += k_suffixes[rng.below(k_suffixes.size())];
      if (groups > 1) name += std::to_string(g + 1);
      bool seen = false;
      for (const auto& x : names) seen = seen || x == name;
      if (!seen) names.push_back(name);
    }
    // The circle method: n-1 rounds, then the same with home and away swapped.
    int fixture = 0;  // of this group, in schedule order
    for (int leg = 0; leg < 2; ++leg) {
      for (int r = 0; r < n - 1; ++r) {
        const int round = leg * (n - 1) + r + 1;
        const std::string date = date_after(round * 2 - 1);
        for (int k = 0; k < n / 2; ++k) {
          int a = k == 0 ? 0 : 1 + (r + k - 1) % (n - 1);
          int b = 1 + (r + n - 2 - k) % (n - 1);
          if (a >= teams || b >= teams) continue;
          if ((r + k + leg) % 2) std::swap(a, b);
          const int hg = goals(rng), ag = goals(rng);
          char line[512];
          const bool mid_season = fixture++ >= fixtures - left;
          if (last_round && round == 2 * (n - 1)) {  // a fixture: no scores yet
            std::snprintf(line, sizeof line, "%s,%d,%s,%s,%s,,,,,,,,\n", group, round, date.c_str(),
                          names[a].c_str(), names[b].c_str());
            out += line;
            continue;
          }
          std::string pens = ",";
          if (hg == ag) {
            // Every draw goes to a shootout: 3..5 against fewer, sometimes sudden death.
            int w = 3 + rng.below(3), l = w - 1 - rng.below(2);
            if (rng.below(6) == 0) {
              w = 6 + rng.below(3);
              l = w - 1;
            }
            if (rng.below(2)) std::swap(w, l);
            pens = std::to_string(w) + "," + std::to_string(l);
          }
          if (mid_season) {
            for (const int kinds : {4, 4, 20, 20}) rng.below(kinds);  // the cards it would have had
            std::snprintf(line, sizeof line, "%s,%d,%s,%s,%s,,,,,,,,\n", group, round, date.c_str(),
                          names[a].c_str(), names[b].c_str());
            out += line;
            continue;
          }
          std::snprintf(line, sizeof line, "%s,%d,%s,%s,%s,%d,%d,%s,%d,%d,%d,%d\n", group, round,
                        date.c_str(), names[a].c_str(), names[b].c_str(), hg, ag, pens.c_str(),
                        rng.below(4), rng.below(4), rng.below(20) == 0, rng.below(20) == 0);
          out += line;
        }
      }
    }
    if (out.size() > (1 << 20)) {
      std::fwrite(out.data(), 1, out.size(), f);
      out.clear();
    }
  }
  std::fwrite(out.data(), 1, out.size(), f);
  return std::fclose(f) == 0 ? 0 : 1;
}

constexpr std::array<std::string_view, 24> k_surnames{
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "马", "韩",
    "朱", "何", "郭", "罗", "祁", "铁", "冶", "鲁", "才", "索", "更", "多"};
constexpr std::array<std::string_view, 24> k_given{
    "伟", "强", "磊", "洋", "勇", "军", "杰", "涛", "明", "超", "浩", "宇",
    "文", "斌", "鹏", "辉", "才让", "扎西", "尼玛", "多杰", "俊杰", "子轩", "浩然", "梓涵"};
constexpr std::array<std::string_view, 4> k_positions{"守门员", "后卫", "中场", "前锋"};
constexpr std::array<std::string_view, 6> k_counties{"西宁市城东区", "西宁市城西区", "西宁市城北区",
                                                     "海东市乐都区", "格尔木市", "海南州共和县"};
constexpr std::array<std::string_view, 6> k_codes{"630102", "630103", "630105", "630202", "632801", "632521"};

// The GB 11643-1999 check character of the first 17 digits.
char id_check(const char* id17) {
  static constexpr int k_weights[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static constexpr char k_chars[] = "10X98765432";
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (id17[i] - '0') * k_weights[i];
  return k_chars[sum % 11];
}

// Roster rows: players of category A, male (甲组男子), born 2008-2009. Person
// `serial` (0-based, unique over the whole set) gets a unique ID number.
// With `staff`, the last three rows are the team's leader, coach and doctor.
std::string roster_rows(Rng& rng, const std::string& team, int rows, long& serial, bool staff) {
  std::string out =
      "序号,代表队,参赛组别,身份,姓名,性别,出生日期,身份证号,户籍所在地,户口类型,户籍迁入日期,"
      "学籍所在学校,学籍号,入学日期,位置,号码,备注\n";
  for (int i = 0; i < rows; ++i, ++serial) {
    if (staff && i >= rows - 3) {
      static constexpr std::string_view k_roles[] = {"领队", "教练", "队医"};
      const char* ids[] = {"630102198003150016", "630103198507220010", "630104199001010013"};
      char line[256];
      std::snprintf(line, sizeof line, "%d,%s,甲组男子,%s,%s,男,,%s,,,,,,,,,\n", i + 1, team.c_str(),
                    k_roles[i - (rows - 3)].data(), i == rows - 3 ? "马明" : i == rows - 2 ? "李强" : "张伟",
                    ids[i - (rows - 3)]);
      out += line;
      continue;
    }
    // 730 birth days x 500 odd sequence numbers per issuing code.
    const long per_code = 730L * 500;
    const int code = static_cast<int>((serial / per_code) % k_codes.size());
    const long in_code = serial % per_code;
    const int day_index = static_cast<int>(in_code % 730);
    const int seq = static_cast<int>(in_code / 730) * 2 + 1;  // odd: male
    int year = 2008 + day_index / 365, yday = day_index % 365;
    static constexpr int k_mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int month = 1;
    const bool leap = year == 2008;
    while (yday >= k_mdays[month - 1] - (month == 2 && !leap ? 1 : 0)) {
      yday -= k_mdays[month - 1] - (month == 2 && !leap ? 1 : 0);
      ++month;
    }
    const int day = yday + 1;
    char id[20];
    std::snprintf(id, sizeof id, "%s%04d%02d%02d%03d", k_codes[code].data(), year, month, day, seq);
    id[17] = id_check(id);
    id[18] = 0;
    std::string name(k_surnames[rng.below(k_surnames.size())]);
    name += k_given[rng.below(k_given.size())];
    if (rng.below(2)) name += k_given[rng.below(k_given.size())];
    const bool school = rng.below(5) == 0;
    char line[512];
    std::snprintf(line, sizeof line,
                  "%d,%s,甲组男子,运动员,%s,男,%d/%d/%d,%s,青海省%s,%s,%d-%02d-%02d,%s,%s,%s,%s,%d,\n", i + 1,
                  team.c_str(), name.c_str(), year, month, day, id, k_counties[rng.below(6)].data(),
                  rng.below(10) ? "家庭户" : "个人户", year, month, day + (day < 28 ? 1 : 0),
                  school ? "西宁市第一中学" : "", school ? "G630102200801010017" : "",
                  school ? "2021-09-01" : "", k_positions[rng.below(4)].data(), i % 99 + 1);
    out += line;
  }
  return out;
}

int write_file(const std::string& path, const std::string& text) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) {
    std::perror(path.c_str());
    return 1;
  }
  std::fwrite(text.data(), 1, text.size(), f);
  return std::fclose(f) == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string_view what = argc > 1 ? argv[1] : "";
  if (what == "results" && (argc == 5 || argc == 6)) {
    const std::string_view mode = argc == 6 ? argv[5] : "";
    const bool last_round = mode == "unplayed";
    double share = 0;
    if (mode.starts_with("unplayed=")) {
      share = std::atof(argv[5] + 9);
    } else if (!mode.empty() && !last_round) {
      std::fprintf(stderr, "gen: unknown option %s (unplayed, or unplayed=SHARE)\n", argv[5]);
      return 2;
    }
    return write_results(argv[2], std::atoi(argv[3]), std::atoi(argv[4]), last_round, share);
  }
  if (what == "rosters" && argc == 5) {
    Rng rng(2025);
    long serial = 0;
    std::filesystem::create_directories(argv[2]);
    const int files = std::atoi(argv[3]);
    for (int t = 0; t < files; ++t) {
      char team[64], name[64];
      std::snprintf(team, sizeof team, "%s%s%d队", k_places[t % k_places.size()].data(),
                    k_suffixes[(t / k_places.size()) % k_suffixes.size()].data(), t + 1);
      std::snprintf(name, sizeof name, "/roster_%04d.csv", t + 1);
      if (write_file(std::string(argv[2]) + name, roster_rows(rng, team, std::atoi(argv[4]), serial, false))) return 1;
    }
    return 0;
  }
  if (what == "roster" && argc == 4) {
    Rng rng(7);
    long serial = 3000000;  // clear of the roster set's numbers
    return write_file(argv[2], roster_rows(rng, "西宁市一中", std::atoi(argv[3]), serial, true));
  }
  std::fprintf(stderr, "usage: gen results OUT GROUPS TEAMS [unplayed | unplayed=SHARE] | rosters DIR FILES ROWS | roster OUT ROWS\n");
  return 2;
}
