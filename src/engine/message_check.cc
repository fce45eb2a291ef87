// Engine::CheckMessage: the one check pipeline (scan -> facts -> filter ->
// decide) the milter, the HTTP API, `scan` and `policy explain` share, so
// what they print is what they decided on.
#include <optional>
#include <string>
#include <utility>

#include "base/text_format.h"
#include "content/bulk_mail.h"
#include "content/header_phrases.h"
#include "content/surprise_words.h"
#include "engine/mailbox_space.h"
#include "engine/thread_state.h"
#include "nearmiss/address.h"
#include "nearmiss/engine.h"

namespace nearmiss {

namespace {

// Recipients are assigned over the previous call's, not rebuilt: their
// strings and vectors keep their capacity, so a warm scan copies the checks
// without allocating.
class RecipientFiller {
 public:
  RecipientFiller(const Engine& engine, engine::RecipientCache* cache, MessageFacts* facts)
      : engine_(engine), cache_(cache), facts_(facts) {}

  void Add(std::string_view input, RecipientField field) {
    if (cache_ != nullptr) {
      Push(cache_->Check(input), field);
    } else {
      Push(engine_.CheckRecipient(input), field);
    }
  }
  void Push(const RecipientCheck& check, RecipientField field) {
    if (n_ == facts_->recipients.size()) facts_->recipients.emplace_back();
    MessageRecipient& r = facts_->recipients[n_++];
    r.check = check;
    r.field = field;
  }
  void Finish() { facts_->recipients.resize(n_); }

 private:
  const Engine& engine_;
  engine::RecipientCache* cache_;
  MessageFacts* facts_;
  size_t n_ = 0;
};

// Whether the recipient is flagged for its address, not its domain (the
// wrong person at the right domain, a new address).
bool AboutAddress(const RecipientCheck& c) {
  for (const Reason& r : c.reasons) {
    if (r.code == ReasonCode::kAddressTypo || r.code == ReasonCode::kNewAddress) return true;
  }
  return false;
}

// Whether `codes` (space separated) holds `code`.
bool HasCode(std::string_view codes, std::string_view code) {
  for (size_t start = 0; start <= codes.size();) {
    size_t end = codes.find(' ', start);
    if (end == std::string_view::npos) end = codes.size();
    if (codes.substr(start, end - start) == code) return true;
    start = end + 1;
  }
  return false;
}

std::string_view DomainPart(std::string_view address) {
  const size_t at = address.rfind('@');
  return at == std::string_view::npos ? std::string_view() : address.substr(at + 1);
}

// Whether an acknowledgement of kind `acknowledged` also settles a later
// address-typo of kind `now` with the same suggestion. The sender who
// confirmed past a display name that names the suggested person ("John
// Smith" <john.smiht@...>: the name on screen is someone else) has been
// told the stronger thing about this address and still chose it; the
// address alone a near miss of the same person (the next message, without
// that name or under the new contact's own) is the weaker warning and must
// not ask again (round 46's tester 14, item 1). Not the other way round,
// and never a homoglyph (the same letters on screen), which no name shows.
bool SettlesWeakerKind(std::string_view acknowledged, AddressTypoKind now) {
  const bool by_name = acknowledged == AddressTypoKindName(AddressTypoKind::kDisplayName) ||
                       acknowledged == AddressTypoKindName(AddressTypoKind::kDisplayAddress);
  return by_name && now != AddressTypoKind::kDisplayName &&
         now != AddressTypoKind::kDisplayAddress && now != AddressTypoKind::kHomoglyph;
}

// Whether `a` (which covers the recipient) acknowledged the warning `check`
// gives now, not another about the same address (acknowledgement.h): each
// code that flags it was acknowledged, and it suggests the same address.
bool SettlesWarning(const Engine& engine, const Acknowledgement& a, const RecipientCheck& check) {
  for (const Reason& r : check.reasons) {
    if (r.code == ReasonCode::kTrusted) continue;
    if (!HasCode(a.reasons, ReasonCodeName(r.code))) return false;
    // Stored before schema 5, with no suggestion: which person an
    // address-typo named cannot be shown to be the one acknowledged.
    if (!a.warning_recorded && r.code == ReasonCode::kAddressTypo) return false;
  }
  // The same suggestion from another kind of evidence is another warning:
  // "one letter differs" acknowledged says nothing about a display name
  // that names the suggested person. An acknowledgement stored without a
  // kind (before schema 7, or by a v2 release link) settles no address-typo.
  if (check.address_typo && a.typo_kind != AddressTypoKindName(check.address_typo->kind) &&
      !SettlesWeakerKind(a.typo_kind, check.address_typo->kind)) {
    return false;
  }
  if (!a.warning_recorded) return true;
  if (a.recipient.empty()) {
    // A domain's: the local part of the suggestion follows the recipient's.
    return Acknowledgement::SameFolded(DomainPart(a.suggestion), DomainPart(check.suggestion));
  }
  return Acknowledgement::SameFolded(engine.Mailbox(a.suggestion),
                                     engine.Mailbox(check.suggestion));
}

// The history clause of a recipient's reasons once an acknowledgement
// covers it: "has never been written to here" stays true of the learned
// history but read as if nobody had said yes (a confirm-link release, the
// message delivered; the issue-14 tester, round 45, N2 d). Said as both
// facts: "has not been learned as written to here yet; acknowledged by
// alice@x (confirm link; from ADDR) on 2026-12-05".
void SayAcknowledged(const Acknowledgement& a, RecipientCheck& check) {
  static constexpr std::string_view kNever = "has never been written to ";
  for (Reason& x : check.reasons) {
    if (!x.history.starts_with(kNever)) continue;
    std::string said("has not been learned as written to ");
    said.append(std::string_view(x.history).substr(kNever.size())).append(" yet; acknowledged by ");
    said.append(a.who);
    if (a.who.find('(') == std::string::npos && !a.path.empty()) {
      said.append(" (").append(a.path).append(")");
    }
    if (a.created_at > 0) said.append(" on ").append(FormatUtc(a.created_at, "%Y-%m-%d"));
    x.history = std::move(said);
  }
}

// Marks each recipient the sender acknowledged; Decide judges whether the
// acknowledgement may settle its rule. A source that fails applies none.
// Returns whether any recipient was marked.
//
// Both sides compare by mailbox, as Postfix delivers them (its
// recipient_delimiter, [history] recipient_delimiter): an acknowledgement
// of jon.smith@ covers jon.smith+x@, and one made by alice@ holds for mail
// from alice+list@ (and one made by alice+list@ for alice@), since each pair
// is one mailbox writing to one mailbox.
bool ApplyAcknowledgements(const Engine& engine, const AcknowledgementSource& source,
                           int64_t now, int64_t written_at, MessageCheck* out) {
  MessageFacts& facts = out->facts;
  Result<std::vector<Acknowledgement>> live = source.Live(facts.sender, now);
  if (!live.ok()) {
    out->message.errors.push_back("acknowledgements not read: " + live.error().message());
    return false;
  }
  if (std::string sender = engine.Mailbox(facts.sender); sender != facts.sender) {
    Result<std::vector<Acknowledgement>> more = source.Live(sender, now);
    if (!more.ok()) {
      out->message.errors.push_back("acknowledgements not read: " + more.error().message());
      return false;
    }
    for (Acknowledgement& a : *more) live->push_back(std::move(a));
  }
  bool any = false;
  for (MessageRecipient& r : facts.recipients) {
    if (r.check.address.empty()) continue;
    // By mailbox identity: jon.smith@gmail.com acknowledged covers
    // jonsmith@googlemail.com, one Gmail mailbox (mailbox_space.h).
    const std::string mailbox = engine::MailboxIdentity(engine.Mailbox(r.check.address));
    const bool about_address = AboutAddress(r.check);
    for (const Acknowledgement& a : *live) {
      // A domain's acknowledgement (mailo.com is meant) says nothing about
      // which person there: a slip of a frequent address at that domain is
      // still asked about.
      if (about_address && a.recipient.empty()) continue;
      // A message written before the acknowledgement was made went out
      // without it (Envelope::written_at: scan after the fact).
      if (written_at > 0 && a.created_at > written_at) continue;
      // Nor does one cover a look-alike domain (gmial.com): the API takes
      // none for one, and one stored otherwise (by hand, by an older
      // serve) must not let every address a squatter makes through
      // (issue 14, round 34, item 1).
      if (a.recipient.empty() && r.check.verdict == Verdict::kLookalike) continue;
      // It stops applying acknowledgement_days after it was made, as the
      // policy says now: a shortened setting shortens those already made,
      // and a lengthened one never revives one past its stored expiry
      // (issue 14, round 34, item 4).
      if (a.LiveUnder(now, engine.policy().confirm.acknowledgement_days) &&
          (a.Covers(r.check.address, r.check.domain) ||
           (!a.recipient.empty() &&
            engine::MailboxIdentity(engine.Mailbox(a.recipient)) == mailbox)) &&
          SettlesWarning(engine, a, r.check)) {
        r.acknowledgement = a.id;
        r.acknowledgement_origin = {a.who, a.path, a.created_at,
                                    a.recipient.empty() ? "domain" : "address"};
        SayAcknowledged(a, r.check);
        any = true;
        break;
      }
    }
  }
  return any;
}

bool AnyAcknowledgeable(const Decision& d) {
  for (const RecipientDecision& rd : d.recipients) {
    if (rd.acknowledgeable) return true;
  }
  return false;
}

}  // namespace

void Engine::ScanParts(const MessageParts& parts, content::Scratch& scratch,
                       content::Sensitivity* s) const {
  // A failed scan leaves the level a lower bound, which `complete` says.
  auto note = [s](Status st) {
    if (!st.ok()) s->complete = false;
  };
  // An add-in may pass List-Unsubscribe or Precedence with the labels.
  bool bulk = false;
  for (const auto& [name, value] : parts.headers) {
    bulk = bulk || content::IsBulkMailHeader(name, value);
  }
  // A bare tier leading the subject, or a header read as one (Thread-Topic,
  // header_phrases.h), over a body that keeps a surprise counts where the
  // message agrees, as the MIME walker reads it
  // (MessageWalker::RereadSubjectOverSurprise). The scope changes only
  // subjects' readings, so it may cover the label headers too.
  std::optional<content::BodySurpriseScope> surprise;
  if (content::RawTextKeepsSurprise(parts.body)) surprise.emplace();
  if (!parts.subject.empty()) {
    note(scanner_->Scan(bulk ? content::TextKind::kBulkSubject : content::TextKind::kSubject,
                        "subject", parts.subject, scratch, s));
  }
  // The headers the MIME walker reads, read alike (header_phrases.h).
  for (const auto& [name, value] : parts.headers) {
    if (content::IsSubjectPhraseHeader(name)) {
      const std::string where = "header:" + std::string(name);
      content::ForEachSubjectPhrase(name, value, [&](std::string_view phrase) {
        note(scanner_->Scan(content::TextKind::kSubject, where, phrase, scratch, s));
      }, parts.subject);
      continue;
    }
    note(scanner_->ScanHeader(name, value, scratch, s));
  }
  surprise.reset();
  if (!parts.body.empty()) {
    std::string_view body = parts.body;
    if (body.size() > policy_.limits.max_text_bytes) {
      body = body.substr(0, policy_.limits.max_text_bytes);
      s->complete = false;
    }
    note(scanner_->Scan(bulk ? content::TextKind::kBulkBody : content::TextKind::kBody,
                        "body", body, scratch, s));
  }
  for (std::string_view name : parts.attachment_names) {
    if (name.empty()) continue;
    note(scanner_->Scan(content::TextKind::kAttachmentName,
                        "attachment-name:" + std::string(name), name, scratch, s));
  }
  // Doubtful marks (a bare "(S)") are settled over all the parts together.
  s->Corroborate();
}

void Engine::ScanContent(const MessageContent& content, ThreadState* thread,
                         MessageCheck* out) const {
  content::ScannedMessage& m = out->message;
  content::Scratch* scratch = thread == nullptr ? nullptr : thread->scratch.get();
  if (content.kind() == MessageContent::Kind::kRead) {
    m = content::ScannedMessage();
    content::ScannedMessage* read = content.read();
    read->sensitivity = FilterSensitivity(std::move(read->sensitivity));
    out->facts.sensitivity = read->sensitivity;
    return;
  }
  if (scratch == nullptr) {
    // Nothing was read: the level is unknown, which `complete` says, and the
    // decision uses [limits] incomplete_level.
    m = content::ScannedMessage();
    if (content.kind() == MessageContent::Kind::kRaw) m.source = content.source();
    m.errors.push_back("could not allocate a scan scratch");
    m.sensitivity.complete = false;
  } else if (content.kind() == MessageContent::Kind::kRaw) {
    m = ScanMessage(content.bytes(), content.source(), *scratch);
  } else {
    m = content::ScannedMessage();
    ScanParts(*content.parts(), *scratch, &m.sensitivity);
    m.sensitivity = FilterSensitivity(std::move(m.sensitivity));
  }
  if (content.kind() == MessageContent::Kind::kRaw &&
      content.total_bytes() > content.bytes().size()) {
    // The rest was never seen: say how much was, and decide on a lower bound.
    content::Finding limit;
    // Named by its bound, as the walker names the same bound hit in a
    // message read whole (limits.max_message_bytes).
    limit.marking = "max-message-bytes";
    limit.pack = "limit";
    limit.where = "limit";
    limit.text = "message larger than " + std::to_string(content.bytes().size()) + " bytes";
    m.sensitivity.Add(std::move(limit));
    m.sensitivity.complete = false;
  }
  out->facts.sensitivity = m.sensitivity;
}

void Engine::CheckMessage(const Envelope& envelope, const MessageContent& content,
                          MessageCheck* out) const {
  ThreadState* thread = Thread();
  engine::RecipientCache* cache = thread == nullptr ? nullptr : thread->recipients.get();
  ScanContent(content, thread, out);

  MessageFacts& facts = out->facts;
  facts.path = envelope.path;
  if (cache != nullptr) {
    facts.sender = cache->Sender(envelope.sender);
  } else {
    Result<Address> parsed = ParseAddress(envelope.sender);
    facts.sender = parsed.ok() ? parsed->ToString() : std::string(envelope.sender);
  }
  RecipientFiller filler(*this, cache, &facts);
  for (const EnvelopeRecipient& r : envelope.recipients) {
    if (r.check != nullptr) {
      filler.Push(*r.check, r.field);
    } else if (!r.list) {
      filler.Add(r.address, r.field);
    } else {
      std::vector<std::string> entries = SplitAddressList(r.address);
      for (const std::string& entry : entries) filler.Add(entry, r.field);
      // A header that names an address but splits into none ("bob@army.ml:;")
      // is not dropped: the whole value is judged, and flagged as invalid.
      if (entries.empty() && r.address.find('@') != std::string_view::npos) {
        filler.Add(r.address, r.field);
      }
    }
  }
  filler.Finish();
  if (addresses_ != nullptr) {
    const content::ScannedMessage* headers = nullptr;
    if (content.kind() == MessageContent::Kind::kRaw) headers = &out->message;
    if (content.kind() == MessageContent::Kind::kRead) headers = content.read();
    AddMessageAddressTypos(facts.sender, headers, facts);
  }
  for (MessageRecipient& r : facts.recipients) {
    r.acknowledgement = 0;
    r.acknowledgement_origin = {};
  }
  out->decision = Decide(facts);
  // The store is asked only when a rule that an acknowledgement may settle
  // (a warn or confirm; Acknowledgeable) matched: whatever the class, so a
  // trusted recipient's address-typo is settled as a look-alike's is.
  if (envelope.acknowledgements != nullptr && !facts.sender.empty() &&
      AnyAcknowledgeable(out->decision) &&
      ApplyAcknowledgements(*this, *envelope.acknowledgements, envelope.now,
                            envelope.written_at, out)) {
    out->decision = Decide(facts);
  }
}

MessageCheck Engine::CheckMessage(const Envelope& envelope,
                                  const MessageContent& content) const {
  MessageCheck out;
  CheckMessage(envelope, content, &out);
  return out;
}

}  // namespace nearmiss
