// The measured marking corpus (issue 13): every sample in
// tests/testdata/markings/{positives,negatives}.tsv is wrapped in a whole
// message, read with ScanMessage as `nearmiss scan` reads mail, and its level
// compared with the expected one. Prints recall per pack (positives whose
// level came out right) and the false-alarm rate per pack (negatives whose
// level that pack's strong findings raised, over all negatives); fails below
// recall 0.98 or above 1% false alarms per pack, and on any miss or false
// alarm over the whole corpus. Format: tests/testdata/markings/README.md.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "nearmiss/content.h"

namespace nearmiss::content {
namespace {

constexpr double kMinRecall = 0.98;
constexpr double kMaxFalseAlarmRate = 0.01;
// The corpus as a whole is read without a miss or a false alarm: each
// decided case stays decided, so one sample that regresses fails the test
// (a 1% bound let seven of round 55's negatives pass before their fix).
constexpr double kAllRecall = 1.0;
constexpr int kAllFalseAlarms = 0;
// Negatives held or asked about (any action of the default policy): the
// bound reached in issue 13's round 35 (b13t defect 5), 12 of 672.
constexpr double kMaxAnyActionRate = 0.02;

struct Sample {
  std::string file;
  int line = 0;
  Level level = Level::kNone;
  std::string pack;
  std::string where;
  std::string text;
};

std::string Unescape(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 == s.size()) {
      out.push_back(s[i]);
      continue;
    }
    char c = s[++i];
    out.push_back(c == 'n' ? '\n' : c == 't' ? '\t' : c == 'b' ? '\b' : c);
  }
  return out;
}

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out(1);
  for (char c : line) {
    if (c == '\t' && out.size() < 4) {
      out.emplace_back();
    } else {
      out.back().push_back(c);
    }
  }
  return out;
}

// Reads one corpus file; a malformed line fails the test with file:line.
std::vector<Sample> ReadCorpus(const std::string& path) {
  std::vector<Sample> out;
  std::ifstream in(path);
  EXPECT_TRUE(in.good()) << path << ": cannot open";
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f = SplitTabs(line);
    std::optional<Level> level = f.size() == 4 ? ParseLevel(f[0]) : std::nullopt;
    if (!level) {
      ADD_FAILURE() << path << ":" << number
                    << ": want LEVEL<TAB>PACK<TAB>WHERE<TAB>TEXT";
      continue;
    }
    out.push_back(Sample{path, number, *level, f[1], f[2], Unescape(f[3])});
  }
  return out;
}

// A whole RFC 5322 message with the sample in its place and neutral text in
// the others.
// "bulk-subject" and "bulk-subject+body": the same places in a newsletter,
// which carries List-Unsubscribe (RFC 2369).
// "eml": TEXT names a whole message under tests/testdata/markings/ (the
// held-out sets of breaker round 13), read as it is.
std::string MakeMessage(const Sample& sample) {
  if (sample.where == "eml") {
    std::ifstream in("tests/testdata/markings/" + sample.text,
                     std::ios::binary);
    EXPECT_TRUE(in.good()) << sample.file << ":" << sample.line << ": cannot open "
                           << sample.text;
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
  bool bulk = sample.where.rfind("bulk-", 0) == 0;
  Sample s = sample;
  if (bulk) s.where = s.where.substr(5);
  std::string subject = s.where == "subject" ? s.text : "Update";
  std::string body = s.where == "body"
                         ? s.text
                         : "Hi,\n\nPlease see the notes below.\n\nThanks,\nSam\n";
  if (s.where == "subject+body") {
    // The subject, a line break, the body: marks that agree across places.
    std::size_t cut = s.text.find('\n');
    subject = s.text.substr(0, cut);
    body = cut == std::string::npos ? "" : s.text.substr(cut + 1);
  }
  std::string m =
      "From: Sam Example <sam@example.org>\n"
      "To: Pat Example <pat@example.net>\n"
      "Subject: " + subject + "\n"
      "Date: Mon, 30 Nov 2026 09:00:00 +0000\n"
      "Message-ID: <corpus-" + std::to_string(s.line) + "@example.org>\n"
      "MIME-Version: 1.0\n";
  if (s.where.rfind("header:", 0) == 0) {
    m += s.where.substr(7) + ": " + s.text + "\n";
  }
  if (bulk) m += "List-Unsubscribe: <mailto:leave@example.org>\n";
  if (s.where == "attachment-name") {
    m += "Content-Type: multipart/mixed; boundary=\"b\"\n\n--b\n"
         "Content-Type: text/plain; charset=utf-8\n\n" + body +
         "\n--b\nContent-Type: text/plain; charset=utf-8\n"
         "Content-Disposition: attachment; filename=\"" + s.text +
         "\"\n\nSee the notes.\n--b--\n";
    return m;
  }
  m += "Content-Type: text/plain; charset=utf-8\n"
       "Content-Transfer-Encoding: 8bit\n\n" + body + "\n";
  return m;
}

bool HasDoubt(const Sensitivity& s) {
  for (const Finding& f : s.findings) {
    if (f.marking == "doubted-marking") return true;
  }
  return false;
}

std::string Shorten(const std::string& text) {
  std::string out = text.substr(0, 70);
  for (char& c : out) {
    if (c == '\n') c = '|';
  }
  return out;
}

struct Tally {
  int positives = 0;
  int found = 0;
  int false_alarms = 0;
};

TEST(MarkingCorpusTest, RecallAndFalseAlarmsPerPack) {
  auto scanner = Scanner::Compile(ScannerOptions{});
  ASSERT_TRUE(scanner.ok()) << scanner.status().ToString();
  auto scratch = Scratch::Create(**scanner);
  ASSERT_TRUE(scratch.ok());
  std::vector<Sample> positives =
      ReadCorpus("tests/testdata/markings/positives.tsv");
  std::vector<Sample> negatives =
      ReadCorpus("tests/testdata/markings/negatives.tsv");
  ASSERT_GE(positives.size(), 150u);
  ASSERT_GE(negatives.size(), 150u);

  std::map<std::string, Tally> packs;
  for (const Sample& s : positives) {
    ScannedMessage m = ScanMessage(MakeMessage(s), s.file, **scanner, *scratch);
    Tally& t = packs[s.pack];
    ++t.positives;
    if (m.sensitivity.level == s.level) {
      ++t.found;
    } else {
      std::printf("miss  %s:%d [%s] want %s, got %s\n", s.file.c_str(), s.line,
                  s.pack.c_str(), std::string(LevelName(s.level)).c_str(),
                  std::string(LevelName(m.sensitivity.level)).c_str());
    }
  }
  int false_alarms = 0;  // the level raised
  int held_unread = 0;   // none, but not read to the end: held
  int confirmed = 0;     // none, with a doubted-marking: confirm
  for (const Sample& s : negatives) {
    ScannedMessage m = ScanMessage(MakeMessage(s), s.file, **scanner, *scratch);
    // What the default policy does with the result, not only its level: a
    // negative not read to the end is held ([limits] incomplete_level), and
    // one with a "doubted-marking" finding is held for the sender to
    // confirm (rule doubted-marking-external). Both stop ordinary mail, so
    // both are false alarms of the action kind (issue 13, round 34 item 13).
    if (m.sensitivity.level == s.level) {
      // An attachment-name sample's attachment is a stand-in line of text
      // under the name (MakeMessage): a ".pdf" that is none is unreadable,
      // which says nothing about the name measured.
      if (!m.sensitivity.complete && s.where != "attachment-name") {
        ++held_unread;
        std::printf("false hold  %s:%d incomplete: %s\n", s.file.c_str(),
                    s.line, Shorten(s.text).c_str());
      } else if (HasDoubt(m.sensitivity)) {
        ++confirmed;
        std::printf("false confirm  %s:%d doubted-marking: %s\n",
                    s.file.c_str(), s.line, Shorten(s.text).c_str());
      }
      continue;
    }
    ++false_alarms;
    // Charged to every pack whose strong finding set the level.
    std::set<std::string> raisers;
    for (const Finding& f : m.sensitivity.findings) {
      if (f.strength == Strength::kStrong && f.level == m.sensitivity.level) {
        raisers.insert(f.pack);
      }
    }
    for (const std::string& pack : raisers) ++packs[pack].false_alarms;
    std::printf("false alarm  %s:%d want %s, got %s (%s)\n", s.file.c_str(),
                s.line, std::string(LevelName(s.level)).c_str(),
                std::string(LevelName(m.sensitivity.level)).c_str(),
                raisers.empty() ? "?" : raisers.begin()->c_str());
  }

  const double n_negatives = static_cast<double>(negatives.size());
  std::printf("%-14s %9s %8s %12s %12s\n", "pack", "positives", "recall",
              "false alarms", "rate");
  int all_positives = 0, all_found = 0;
  for (const auto& [name, t] : packs) {
    double recall = t.positives == 0 ? 1.0 : double(t.found) / t.positives;
    double rate = t.false_alarms / n_negatives;
    std::printf("%-14s %9d %8.3f %12d %11.2f%%\n", name.c_str(), t.positives,
                recall, t.false_alarms, 100 * rate);
    all_positives += t.positives;
    all_found += t.found;
    EXPECT_GE(recall, kMinRecall) << "pack " << name;
    EXPECT_LE(rate, kMaxFalseAlarmRate) << "pack " << name;
  }
  double recall = double(all_found) / all_positives;
  double rate = false_alarms / n_negatives;
  std::printf("%-14s %9d %8.3f %12d %11.2f%%  (%zu negatives)\n", "all",
              all_positives, recall, false_alarms, 100 * rate,
              negatives.size());
  // What the default policy does with them, not only their level: held
  // (the level raised, or not read to the end: [limits] incomplete_level)
  // and held for the sender to confirm (doubted-marking-external). Both
  // stop ordinary mail (issue 13, round 34 item 13).
  double held_rate = (false_alarms + held_unread) / n_negatives;
  double any_rate = (false_alarms + held_unread + confirmed) / n_negatives;
  std::printf("%-14s %9s %8s %12d %11.2f%%  (level raised or held unread)\n",
              "held", "", "", false_alarms + held_unread, 100 * held_rate);
  std::printf("%-14s %9s %8s %12d %11.2f%%  (held, or confirm asked)\n",
              "any action", "", "", false_alarms + held_unread + confirmed,
              100 * any_rate);
  EXPECT_GE(recall, kMinRecall);
  EXPECT_LE(rate, kMaxFalseAlarmRate);
  EXPECT_GE(recall, kAllRecall);
  EXPECT_LE(false_alarms, kAllFalseAlarms);
  EXPECT_LE(held_rate, kMaxFalseAlarmRate);
  // The confirms left are a bare SECRET or TOP SECRET heading a note or an
  // advert, which the breaker's round 14 (D1) decided to put to the sender
  // rather than pass: the same shape is how a sender who marks once marks
  // real mail (round14/d1-*.eml). The pack's ordinary-mail words
  // (CONFIDENTIAL, PROTECTED, RESTRICTED) alone no longer ask (round 35,
  // marking_strength.cc OrdinaryMailWord); below 1% would need SECRET's
  // and TOP SECRET's to stop asking too.
  EXPECT_LE(any_rate, kMaxAnyActionRate);
}

}  // namespace
}  // namespace nearmiss::content
