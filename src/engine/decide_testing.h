// For the tests of Engine::Decide: message facts as CheckMessage would
// give them, for recipients checked by `e` and a subject marked at a level.
#ifndef NEARMISS_ENGINE_DECIDE_TESTING_H_
#define NEARMISS_ENGINE_DECIDE_TESTING_H_

#include <string>
#include <utility>
#include <vector>

#include "nearmiss/engine.h"

namespace nearmiss {

inline content::Sensitivity Marked(content::Level level, std::string pack = "uk") {
  content::Sensitivity s;
  s.Add({std::string(content::LevelName(level)), pack, level, "subject", 0,
         std::string(content::LevelName(level)), content::Strength::kStrong});
  return s;
}

inline MessageFacts Facts(const Engine& e, std::vector<std::string> to,
                         content::Level level = content::Level::kNone,
                         std::string sender = "alice@mod.gov.uk") {
  MessageFacts f;
  f.sender = std::move(sender);
  for (const std::string& a : to) {
    f.recipients.push_back({e.CheckRecipient(a), RecipientField::kTo});
  }
  if (level != content::Level::kNone) f.sensitivity = Marked(level);
  return f;
}

}  // namespace nearmiss

#endif  // NEARMISS_ENGINE_DECIDE_TESTING_H_
