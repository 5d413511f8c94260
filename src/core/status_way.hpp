// Internal, for the clinched/eliminated check (status.cpp): a way into the
// top places for a team neither clinched nor eliminated, for --explain.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "matchday/standings.hpp"
#include "status_points.hpp"
#include "status_ties.hpp"

namespace matchday::detail {

// What the search for marks found that a way through can start from: the
// first results (any score) that put the team in, else scores or lots that do.
struct KnownWay {
  const std::vector<int>* outcomes = nullptr;  // per fixture: a result kind
  const Witness* witness = nullptr;
};

// Results of the fixtures still to play that put `t` in the top `places`:
// first by outcomes alone (any score), leaving out the fixtures it does not
// need, else `known`. nullopt when none is known. Leaves `race` with nothing
// assigned.
[[nodiscard]] std::optional<StatusNote> way_through(std::uint32_t t, int places, bool points_first, PointsRace& race,
                                                    TieSimulation& sim, KnownWay known);

}  // namespace matchday::detail
