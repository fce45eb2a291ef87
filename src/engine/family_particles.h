// Particles of family names (van der, de la, von) and the short forms
// written for a group of them (vd, dl, v), from
// data/names/family-particles.txt. name_forms.h uses them to read
// pieter.vd.berg, p.vd.berg and pieter.vdberg as pieter.van.der.berg.
//
// Thread safety: pure functions over an immutable table built on first
// use (a function-local static).
#ifndef NEARMISS_ENGINE_FAMILY_PARTICLES_H_
#define NEARMISS_ENGINE_FAMILY_PARTICLES_H_

#include <string>
#include <string_view>
#include <vector>

#include "nearmiss/status.h"

namespace nearmiss::engine {

// One line of the table: a group of particles ("van", "der") and the short
// forms of the whole group ("vd", "vdr", "v"), dots dropped; no short
// forms for a particle listed alone.
struct ParticleGroup {
  std::vector<std::string> words;
  std::vector<std::string> shorts;
};

// Parses the table ("PARTICLE [PARTICLE...] [= SHORT [SHORT...]]" lines of
// lower-case ASCII words, '#' comments). Errors are kInvalidArgument
// naming `source`:LINE and what is wrong (a word outside a-z, no particle
// before '=', a '=' with no short form after it).
Result<std::vector<ParticleGroup>> ParseFamilyParticles(std::string_view text,
                                                        std::string_view source);

// The embedded table (empty if it does not parse: the test
// family_particles_test checks it does).
const std::vector<ParticleGroup>& FamilyParticles();

// Whether `word` (lower case) is a particle of some group: van, der, de, la.
bool IsParticle(std::string_view word);

}  // namespace nearmiss::engine

#endif  // NEARMISS_ENGINE_FAMILY_PARTICLES_H_
