// Reading one large results file in parts, on several threads, joined in
// file order: the groups, teams, matches, lines and diagnostics are exactly
// those of one thread (tests/test_results.cpp and fuzz_results compare them).
#include <exception>
#include <future>

#include "parallel.hpp"
#include "results_reader.hpp"

namespace matchday::detail {

struct Part {
  std::size_t begin = 0, end = 0;
  Results results;
  std::vector<Diagnostic> diags;
  bool quoted = false;  // the part has a quote character
  bool not_utf8 = false;  // check_utf8 found bytes that are not UTF-8
  std::promise<std::size_t> next_line;  // the line after the part's last record
};

// Returns not_read, with `into` and `sink` untouched, when the result cannot
// be promised to be one thread's: the file is small, it has a stage column,
// a row with an error (the one-thread reader then reports every error in file
// order) or a quote that a fast row did not take (a quoted field may hold a
// line break: a line break is then not sure to end a record; the quotes of
// fast rows come in pairs within their line, so that every line break before
// them ends one); not_utf8, with both untouched, when a part checked for
// UTF-8 (check_utf8) is not.
InParts read_in_parts(const Layout& layout, std::string_view text, char delim, std::string_view source,
                      std::uint16_t source_index, const Rules& rules, const ResultsOptions& options,
                      bool check_utf8, std::size_t body, std::size_t first_line, Results& into,
                      DiagnosticSink& sink) {
  const std::size_t bytes = text.size() - body;
  const std::size_t per = std::max<std::size_t>(options.execution.min_bytes_per_thread, 1);
  const std::size_t count = std::min<std::size_t>(options.execution.threads, bytes / per);
  // (A delimiter that is not ASCII would be a byte of a character: the parts'
  // check for UTF-8, which takes delimiters as ASCII, would not hold.)
  if (count < 2 || layout.hm.has(c_stage) || (static_cast<unsigned char>(delim) & 0x80) != 0) {
    return InParts::not_read;
  }

  // Parts of about equal size, each ending at a line break.
  std::vector<Part> parts(count);
  std::size_t at = body;
  for (std::size_t i = 0; i < count; ++i) {
    parts[i].begin = at;
    std::size_t stop = i + 1 == count ? text.size() : std::max(at, body + bytes / count * (i + 1));
    if (stop < text.size()) {
      const std::size_t nl = text.find('\n', stop);
      stop = nl == std::string_view::npos ? text.size() : nl + 1;
    }
    parts[i].end = at = stop;
  }
  const auto read_part = [&](std::size_t i) {
    Part& part = parts[i];
    std::size_t lines = 0;
    std::exception_ptr failure;  // rethrown once the parts after this one may go on
    try {
      DiagnosticSink part_sink(part.diags, source);
      // What every row reads, copied to this thread's stack and heap: the
      // originals live in the calling thread's frame, whose cache lines that
      // thread writes as it reads its own part.
      const Layout own_layout = layout;
      const Rules own_rules = rules;
      const ResultsOptions own_options = options;
      Loader loader(own_layout, text.substr(0, part.end), delim, source, source_index, own_rules, own_options,
                    part.results, part_sink, true, check_utf8);
      // The first part knows its first line; the others count from 1.
      const std::size_t from_line = i == 0 ? first_line : 1;
      lines = loader.run(part.begin, part.end, from_line) - from_line;
      part.quoted = loader.quoted();
      part.not_utf8 = loader.not_utf8();
    } catch (...) {
      failure = std::current_exception();
    }
    // A later part's lines were counted from 1: now that the parts before it
    // have counted theirs, its matches get the lines of the file.
    const std::size_t start = i == 0 ? first_line : parts[i - 1].next_line.get_future().get();
    if (i > 0 && start != 1) {
      for (Group& g : part.results.groups) {
        for (Match& m : g.matches) m.line += static_cast<std::uint32_t>(start - 1);
      }
    }
    part.next_line.set_value(start + lines);
    if (failure) std::rethrow_exception(failure);
  };
  run_in_parts(count, static_cast<unsigned>(count), [&](unsigned i, std::size_t, std::size_t) { read_part(i); });
  if (std::ranges::any_of(parts, &Part::not_utf8)) return InParts::not_utf8;
  if (std::ranges::any_of(parts, [](const Part& p) { return p.quoted || !p.diags.empty(); })) return InParts::not_read;
  into.sources.emplace_back(source);

  // Join the parts in file order: groups and teams by name, in order of first
  // appearance; each part's matches after those of the parts before it.
  std::vector<std::uint32_t> ids;
  GroupIndex groups;
  std::vector<TeamIndex> team_index;  // per group of `into`
  for (std::size_t p = 0; p < parts.size(); ++p) {
    for (Group& local : parts[p].results.groups) {
      const std::size_t gi = groups.intern(into, local.name);
      if (gi >= team_index.size()) team_index.resize(gi + 1);
      Group& g = into.groups[gi];
      if (!layout.hm.has(c_group)) g.named_after_file = true;
      if (g.teams.empty()) {
        // A group new to `into`: its teams are the part's, in the part's order.
        g.teams = std::move(local.teams);
      } else {
        ids.resize(local.teams.size());
        bool same_ids = true;
        for (std::uint32_t t = 0; t < local.teams.size(); ++t) {
          ids[t] = team_index[gi].intern(g, local.teams[t]);
          same_ids = same_ids && ids[t] == t;
        }
        if (g.teams.size() > k_max_teams_per_group) {
          // The parts' teams together are too many: said at the first match
          // of this part with a team past the limit.
          const auto past = std::ranges::find_if(local.matches, [&](const Match& m) {
            return std::max(ids[m.home], ids[m.away]) >= k_max_teams_per_group;
          });
          if (past != local.matches.end()) {
            const bool home_past = ids[past->home] >= k_max_teams_per_group;
            sink.add(too_many_teams(source, past->line, layout.hm, home_past,
                                    g.teams[home_past ? ids[past->home] : ids[past->away]], g));
          }
          continue;
        }
        if (!same_ids) {
          for (Match& m : local.matches) {
            m.home = static_cast<std::uint16_t>(ids[m.home]);
            m.away = static_cast<std::uint16_t>(ids[m.away]);
          }
        }
      }
      if (g.matches.empty()) {
        g.matches = std::move(local.matches);
      } else {
        g.matches.insert(g.matches.end(), local.matches.begin(), local.matches.end());
      }
    }
  }

  Loader::trim(into);
  return InParts::read;
}

}  // namespace matchday::detail
