// `nearmiss policy init | lint FILE | explain ...`: write, check and try out
// a policy.
#include <chrono>
#include <cstdio>
#include <deque>
#include <fstream>
#include <future>
#include <iostream>
#include <optional>
#include <sstream>

#include "base/log.h"
#include "cli/body_document.h"
#include "cli/commands.h"
#include "cli/config_flags.h"
#include "cli/dns_flags.h"
#include "cli/message_sender.h"
#include "dns/add_facts.h"
#include "engine/listed_lookalikes.h"
#include "render/decision.h"
#include "render/json_writer.h"
#include "render/render.h"
#include "render/sensitivity.h"
#include "store/store_acknowledgements.h"

namespace nearmiss::cli {

using render::OpenCheckJson;
using render::JsonWriter;
namespace {

int RunInit() {
  std::string_view text = DefaultPolicyText();
  std::fwrite(text.data(), 1, text.size(), stdout);
  return kExitClean;
}

int RunLint(const std::string& file) {
  std::vector<PolicyError> errors = LintPolicyFile(file);
  if (errors.empty()) {
    // The parse is clean: what check, milter and serve refuse to start
    // with (DnsStartErrors, run with no --dns* flags, as the units start
    // them), and compiling finds what only the compilers see (a regex
    // Vectorscan refuses, an unreadable pack file).
    Result<Policy> policy = LoadPolicyFile(file);
    if (policy.ok()) errors = DnsStartErrors(DnsFlags{}, policy->dns);
    Result<std::shared_ptr<const Engine>> engine =
        policy.ok() ? Engine::Compile(*policy) : Result<std::shared_ptr<const Engine>>(policy.error());
    if (!engine.ok()) {
      errors.push_back({file, engine.error().message(), "fix the entry named above"});
    }
  }
  for (const PolicyError& e : errors) std::printf("%s\n", e.ToString().c_str());
  if (errors.empty()) {
    // Clean, yet it may let look-alikes through: said, naming the place
    // (issue 14, round 37, item 2). A warning does not fail the lint (the
    // units' ExecStartPre runs it), the policy may mean it.
    Result<Policy> policy = LoadPolicyFile(file);
    std::vector<PolicyError> warnings;
    if (policy.ok()) {
      warnings = PolicyWarnings(*policy);
      // An entry of its own lists that is a look-alike (army.ml for
      // army.mil): trusted, the slip goes out for every sender.
      for (PolicyError& w : ListedLookalikeWarnings(*policy)) warnings.push_back(std::move(w));
    }
    for (PolicyError& w : warnings) {
      w.what.insert(0, "warning: ");
      std::printf("%s\n", w.ToString().c_str());
    }
    if (warnings.empty()) {
      std::printf("%s: ok\n", file.c_str());
    } else {
      std::printf("%s: ok, %zu warning%s\n", file.c_str(), warnings.size(),
                  warnings.size() == 1 ? "" : "s");
    }
    return kExitClean;
  }
  std::printf("%s: %zu error%s\n", file.c_str(), errors.size(), errors.size() == 1 ? "" : "s");
  return kExitError;
}

struct ExplainFlags {
  PolicyFlags policy;
  DnsFlags dns;
  std::string from;
  std::vector<std::string> to;
  std::vector<std::string> cc;
  std::string subject;
  std::string body_file;
  std::string message_file;
  std::string path = "offline";
  bool json = false;
  bool from_given = false;  // --from was given ("" the null sender)
  // Where the sender was read from when --message gave it (SenderSourceName).
  std::string sender_from;
};

// {"policy", "from", "path", "recipients": [check + "field", "action",
//  "rule", "message", "smtp_code", "at_rcpt"], "sensitivity": {...},
//  "level" (the level the rules used: decision.level, as scan --json's
//  top-level "level"), "action", "rule", "message_action", "message",
//  "decision": render/decision.h's object}
std::string ExplainJson(const Engine& engine, const ExplainFlags& flags,
                        const MessageFacts& facts, const Decision& d) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("policy").String(engine.policy().source);
  // The sender judged: --from, or the message's (then where it was read).
  w.Key("from").String(flags.from_given || flags.sender_from.empty() ? flags.from : facts.sender);
  if (!flags.from_given && !flags.sender_from.empty()) {
    w.Key("sender_from").String(flags.sender_from);
  }
  w.Key("path").String(flags.path);
  w.Key("recipients").BeginArray();
  for (size_t i = 0; i < d.recipients.size() && i < facts.recipients.size(); ++i) {
    const RecipientDecision& r = d.recipients[i];
    OpenCheckJson(facts.recipients[i].check, w);
    w.Key("field").String(RecipientFieldName(r.field));
    w.Key("action").String(ActionName(r.action));
    w.Key("rule").String(r.rule.id);
    if (r.acknowledged_by != 0) {
      w.Key("acknowledged_by").Uint(static_cast<std::uint64_t>(r.acknowledged_by));
      w.Key("settled_rule").String(r.settled_rule.id);
    }
    w.Key("message").String(r.message);
    w.Key("smtp_code").String(r.smtp_code);
    w.Key("at_rcpt").Bool(r.at_rcpt);
    w.EndObject();
  }
  w.EndArray();
  w.Key("sensitivity");
  render::WriteSensitivityJson(facts.sensitivity, w);
  // The level the rules used, as scan --json's top-level "level" says it
  // (the sensitivity's own, or [limits] incomplete_level when the message
  // was not read to the end and that is higher): one path in both outputs
  // (round 54's tester 13, finding 8).
  w.Key("level").String(content::LevelName(d.level));
  w.Key("action").String(ActionName(d.action));
  w.Key("rule").String(d.rule.id);
  w.Key("message_action").String(ActionName(d.message_action));
  w.Key("message").String(d.message);
  w.Key("decision");
  render::WriteDecisionJson(d, w);
  w.EndObject();
  out += '\n';
  return out;
}

std::string ExplainText(const Engine& engine, const ExplainFlags& flags,
                        const MessageFacts& facts, const Decision& d) {
  std::string out = "policy: " + engine.policy().source + "\n";
  out += "from: ";
  if (!flags.from_given && !flags.sender_from.empty()) {
    // Read from the message (--message without --from), as scan reads it.
    out += facts.sender.empty() ? std::string("<> (the null sender)") : facts.sender;
    out += " (the message's ";
    out += flags.sender_from;
    out += ")";
  } else {
    out += flags.from.empty() ? std::string("(not given)") : flags.from;
  }
  out += "\n";
  out += "sensitivity: " + std::string(content::LevelName(d.level));
  // d.level is what the rules saw; when the message was not read to the
  // end it may be [limits] incomplete_level rather than the level found.
  if (!facts.sensitivity.complete) {
    out += " (not read to the end; level found: " +
           std::string(content::LevelName(facts.sensitivity.level)) + ")";
  }
  out += "\n";
  for (const content::Finding& f : facts.sensitivity.findings) {
    out += "  " + std::string(content::LevelName(f.level)) + " from '" + f.marking + "' (" +
           f.pack + ", " + std::string(content::StrengthName(f.strength));
    // Which place rule made it weak or strong (Finding::why).
    if (!f.why.empty()) {
      out += ": ";
      out += f.why;
    }
    out += ")";
    // A limit's text names the part it stopped at; "in limit at 0" said
    // nothing (tester 13 item 22.5).
    if (f.pack != "limit") {
      out += " in ";
      out += f.where;
      if (!f.place.empty()) {  // the sheet, slide or page of a document
        out += ", ";
        out += f.place;
        out += ",";
      }
      out += " at ";
      out += std::to_string(f.offset);
    }
    out += ": \"";
    out += f.text;
    out += "\"\n";
  }
  for (size_t i = 0; i < d.recipients.size(); ++i) {
    const RecipientDecision& r = d.recipients[i];
    // The class as `check` shows it (render::ShownClass): the finding
    // whose rule decided, "new-address -> warn", not "trusted -> warn".
    const std::string_view shown = i < facts.recipients.size()
                                       ? render::ShownClass(facts.recipients[i].check, r)
                                       : VerdictName(r.verdict);
    out += std::string(RecipientFieldName(r.field)) + " " + r.recipient + ": " +
           std::string(shown) + " -> " + std::string(ActionName(r.action)) + "\n";
    for (const Reason& reason : r.reasons) {
      out += "  reason " + std::string(ReasonCodeName(reason.code)) + ": " + ReasonMessage(reason) + "\n";
    }
    // The DNS facts a can_receive or catch_all condition read ([dns]).
    if (i < facts.recipients.size() && facts.recipients[i].check.dns) {
      out += "  ";
      out += render::DnsFactsSentence(facts.recipients[i].check);
      out += "\n";
    }
    // What a rule's address_typo_kind and address_typo_score_at_least read.
    if (i < facts.recipients.size() && facts.recipients[i].check.address_typo) {
      const AddressTypo& typo = *facts.recipients[i].check.address_typo;
      char score[16];
      std::snprintf(score, sizeof score, "%.2f", typo.score);
      out += "  address-typo kind " + std::string(AddressTypoKindName(typo.kind)) + ", score " +
             score + "\n";
    }
    if (r.acknowledged_by != 0) {
      // What the milter, the API, check and scan do: said with the
      // acknowledgement that settled it, so an admin sees why it passes.
      out += "  " + std::string(ActionName(r.rule_action)) + " by " + r.settled_rule.id +
             " settled by acknowledgement " + std::to_string(r.acknowledged_by) + "\n";
    }
    out += "  rule: " + r.rule.id + "\n";
    if (!r.message.empty()) out += "  message: " + r.message + "\n";
    if (!r.smtp_code.empty()) {
      out += "  smtp: " + r.smtp_code + (r.at_rcpt ? " at RCPT" : " at end of message") + "\n";
    }
  }
  out += "action: " + std::string(ActionName(d.action)) + " (" + d.rule.id + ")\n";
  out += "message action: " + std::string(ActionName(d.message_action)) + "\n";
  if (!d.message.empty()) out += "sender sees: " + d.message + "\n";
  return out;
}

// The file's bytes; nullopt, logged as "PATH: cannot read the WHAT file",
// when it cannot be read.
std::optional<std::string> ReadWholeFile(const std::string& path, std::string_view what) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) {
    log::Error(path + ": cannot read the " + std::string(what) + " file");
    return std::nullopt;
  }
  return bytes.str();
}

// Starts the DNS lookups of every look-alike among `facts`' recipients at
// once (one deadline for all, as `check` batches them) and fills `*out`
// with each recipient's check, facts added. Whether any was looked up.
bool LookUp(DnsSource& source, const MessageFacts& facts, std::vector<RecipientCheck>* out) {
  out->clear();
  out->reserve(facts.recipients.size());
  std::vector<std::optional<std::shared_future<DnsFacts>>> lookups;
  for (const MessageRecipient& r : facts.recipients) {
    out->push_back(r.check);
    lookups.push_back(dns::StartLookup(source, &out->back()));
  }
  bool any = false;
  for (size_t i = 0; i < lookups.size(); ++i) {
    if (lookups[i]) (*out)[i].dns = lookups[i]->get();
    any = any || (*out)[i].dns.has_value();
  }
  return any;
}

int RunExplain(ExplainFlags flags) {
  if (!flags.from_given && flags.message_file.empty()) {
    log::Error("give the sender (--from), or a whole message (--message) to read it from");
    return kExitError;
  }
  std::string no_history;  // logged by OpenStore
  Result<std::shared_ptr<Store>> store = OpenStore(flags.policy, &no_history);
  if (!store.ok()) return kExitError;
  std::shared_ptr<const Engine> engine = LoadEngine(flags.policy, store->get());
  if (!engine) return kExitError;
  // The command line as Engine::CheckMessage's two inputs.
  Envelope envelope;
  std::string sender = flags.from;
  envelope.sender = sender;
  // The sender's live acknowledgements settle what they settle, as in the
  // milter, the API, check and scan: explain answers what they would do
  // (issue-14 tester, round 3, item 8).
  std::optional<store::StoreAcknowledgements> acks;
  if (*store) acks.emplace(store->get());
  envelope.acknowledgements = acks ? &*acks : nullptr;
  envelope.now = std::chrono::duration_cast<std::chrono::seconds>(
                     std::chrono::system_clock::now().time_since_epoch())
                     .count();
  envelope.path = flags.path == "smtp"       ? MailPath::kSmtp
                  : flags.path == "sendmail" ? MailPath::kSendmail
                                             : MailPath::kOffline;
  // --to and --cc are lists as pasted from a mail client: Outlook's
  // "Okafor, Chidi <c@x>" is one recipient (SplitPastedAddressList). A
  // value that splits into none is given to the engine whole, which flags
  // it. `pasted` holds the pieces the envelope's views point into.
  std::deque<std::string> pasted;
  for (auto [values, field] : {std::pair{&flags.to, RecipientField::kTo},
                               std::pair{&flags.cc, RecipientField::kCc}}) {
    for (const std::string& v : *values) {
      std::vector<std::string> pieces = SplitPastedAddressList(v);
      if (pieces.empty()) envelope.recipients.push_back({v, field, true});
      for (std::string& p : pieces) {
        pasted.push_back(std::move(p));
        envelope.recipients.push_back({pasted.back(), field, false});
      }
    }
  }
  // A whole message (--message) is read as `scan` and the milter read it:
  // its label headers and attachments count, and what --from and --to
  // leave out its headers say, as scan reads them (message_sender.h; issue
  // 14, round 37, item 6). Otherwise --subject and --body-file are the
  // parts (CLI11 keeps the two forms apart).
  std::string bytes;
  MessageParts parts;
  parts.subject = flags.subject;
  content::ScannedMessage scanned;
  bool document = false;  // --body-file held a document (body_document.h)
  if (!flags.message_file.empty()) {
    std::optional<std::string> read = ReadWholeFile(flags.message_file, "message");
    if (!read) return kExitError;
    bytes = std::move(*read);
    scanned = engine->ScanMessage(bytes, flags.message_file);
    for (const std::string& e : scanned.errors) log::Warn(e);
    if (!flags.from_given) {
      std::string note;
      flags.sender_from = SenderSourceName(MessageSender(scanned, &sender, &note));
      if (!note.empty()) log::Warn(flags.message_file + ": " + note);
      envelope.sender = sender;
    }
    if (flags.to.empty() && flags.cc.empty()) AddMessageRecipients(scanned, &envelope);
  } else if (!flags.body_file.empty()) {
    std::optional<std::string> read = ReadWholeFile(flags.body_file, "body");
    if (!read) return kExitError;
    // A document is read as an attachment, never its bytes as text
    // (body_document.h).
    const std::string format = BodyFileFormat(flags.body_file, *read);
    if (format.empty()) {
      bytes = BodyFileText(std::move(*read));
      parts.body = bytes;
    } else {
      std::string note = flags.body_file;
      note += " is not text (";
      note += format;
      note += "): read as an attachment, as scan and the milter read one";
      log::Warn(note);
      std::string subject = flags.subject;
      for (char& c : subject) {
        if (c == '\r' || c == '\n') c = ' ';
      }
      bytes = BodyFileMessage(flags.body_file, *read, subject);
      scanned = engine->ScanMessage(bytes, flags.body_file);
      for (const std::string& e : scanned.errors) log::Warn(e);
      document = true;
    }
  }
  if (envelope.recipients.empty()) {
    log::Error(flags.message_file.empty()
                   ? "give the recipients (--to, --cc), or a whole message (--message)"
                   : flags.message_file + ": the message names no recipient (To, Cc, Bcc); "
                                          "give --to or --cc");
    return kExitError;
  }
  const MessageContent content = flags.message_file.empty() && !document
                                     ? MessageContent::Parts(parts)
                                     : MessageContent::Read(&scanned);
  MessageCheck check = engine->CheckMessage(envelope, content);
  // [dns] on (or --dns): the look-alikes are looked up as check and the
  // milter look them up, and the message judged again with the facts, so
  // explain's answer is theirs; it answered confirm where both refused
  // (issue 15, round 42's tester, finding 14).
  Result<std::unique_ptr<dns::Resolver>> resolver = OpenResolver(flags.dns, engine->policy().dns);
  if (!resolver.ok()) {
    log::Error(resolver.error().message());
    return kExitError;
  }
  std::vector<RecipientCheck> looked_up;
  if (*resolver && LookUp(**resolver, check.facts, &looked_up)) {
    Envelope again = envelope;
    again.recipients.clear();
    for (size_t i = 0; i < looked_up.size(); ++i) {
      const RecipientCheck& c = looked_up[i];
      again.recipients.push_back({c.address.empty() ? std::string_view(c.input) : c.address,
                                  check.facts.recipients[i].field, false, &c});
    }
    check = engine->CheckMessage(again, content);
  }
  for (const std::string& e : check.message.errors) log::Warn(e);
  const MessageFacts& facts = check.facts;
  const Decision& d = check.decision;

  std::string out = flags.json ? ExplainJson(*engine, flags, facts, d) : ExplainText(*engine, flags, facts, d);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return d.action == Action::kAccept ? kExitClean : kExitFlagged;
}

}  // namespace

void AddPolicyCommand(CLI::App& app, Run& run) {
  CLI::App* cmd = app.add_subcommand("policy", "Write, check and try out a policy");
  cmd->require_subcommand(1);

  CLI::App* init = cmd->add_subcommand("init", "Print the embedded default policy");
  init->callback([&run] { run = [] { return RunInit(); }; });

  auto file = std::make_shared<std::string>();
  CLI::App* lint = cmd->add_subcommand("lint", "Check a policy file and list every error");
  // Without FILE, the policy the daemons would load: `policy` in the
  // configuration file (the units' ExecStartPre lints it so).
  BindConfig("policy", *lint,
             lint->add_option("file", *file,
                              "Policy file (TOML); default: policy in the configuration file"),
             file.get());
  lint->footer("Exit status: 0 clean, with any warnings (FILE:LINE:COLUMN: warning: what: a "
               "policy that lets look-alikes through); 2 errors (each FILE:LINE:COLUMN: what, "
               "with a hint), or no FILE and no policy in the configuration file.");
  lint->callback([&run, file] {
    run = [file] {
      if (file->empty()) {
        log::Error("no policy file to lint: give FILE, or set policy in " +
                   (ConfigFileRead() ? ConfigUsed().path
                                     : std::string(kDefaultConfigPath) + " (absent)"));
        return kExitError;
      }
      return RunLint(*file);
    };
  });

  auto flags = std::make_shared<ExplainFlags>();
  CLI::App* explain = cmd->add_subcommand(
      "explain", "Show what the policy does with a message: classes, sensitivity, rule, action");
  flags->policy.Register(*explain, /*with_protect_file=*/false);
  flags->dns.Register(*explain);
  CLI::Option* from = explain->add_option(
      "--from", flags->from,
      "Sender address; with --message, default: the message's Return-Path, else its From (as "
      "scan reads it)");
  explain->add_option("--to", flags->to,
                      "Recipient (repeat, or a comma-separated list); with --message and no "
                      "--to or --cc, default: the message's To, Cc and Bcc");
  explain->add_option("--cc", flags->cc, "Cc recipient (repeat)");
  CLI::Option* subject = explain->add_option("--subject", flags->subject, "Subject line");
  CLI::Option* message = explain->add_option(
      "--message", flags->message_file,
      "A whole message (.eml): its headers, body and attachments are read");
  message->check(CLI::ExistingFile);
  CLI::Option* body = explain->add_option("--body-file", flags->body_file, "File holding the body text")
      ->check(CLI::ExistingFile);
  message->excludes(subject)->excludes(body);
  explain->add_option("--path", flags->path, "Mail path: offline, smtp or sendmail")
      ->check(CLI::IsMember({"offline", "smtp", "sendmail"}));
  explain->add_flag("--json", flags->json, "One JSON object instead of the text");
  explain->footer("Exit status: 0 accepted; 1 any other action; 2 usage or policy error.");
  explain->callback([&run, flags, from] {
    flags->from_given = from->count() > 0;
    run = [flags] { return RunExplain(*flags); };
  });
}

}  // namespace nearmiss::cli
