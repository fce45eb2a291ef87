// The prefixes mail clients and servers put before a subject they quote,
// which IsSubjectMarking (position.h) strips, repeatedly, before asking
// whether a marking leads the subject: "Invitation: SECRET: deployment
// brief @ Tue 1 Dec 2026 10am" leads with SECRET as surely as the invitation
// it quotes. Each is matched case-insensitively, followed by an optional
// "[2]" or "(2)" count, blanks and a colon.
#ifndef NEARMISS_CONTENT_SUBJECT_PREFIXES_H_
#define NEARMISS_CONTENT_SUBJECT_PREFIXES_H_

#include <array>
#include <string_view>

namespace nearmiss::content {

// Longer prefixes before the shorter ones they begin with ("tentatively
// accepted" before "tentative", "updated invitation" before "updated").
inline constexpr auto kSubjectPrefixes = std::to_array<std::string_view>({
    // Reply and forward, in the languages Outlook and Thunderbird emit
    // (RFC 5322 3.6.5 "Re:"; Outlook's localised "AW:", "WG:", "TR:", "SV:",
    // "VS:", "Antw:", "RV:", "RIF:", "Réf:"; Thunderbird's
    // mail.compose.reply_prefixes).
    "re", "fw", "fwd", "aw", "wg", "tr", "sv", "vs", "antwort", "antw", "rv", "rif",
    "réf", "ref", "r",
    // Italian Outlook forwards as "I:" (its reply "R:" is above); German
    // Outlook's long reply "Antwort:" is beside "Antw:" (round 47's tester
    // 13, finding 1).
    "i",
    // Outlook's other localised reply and forward prefixes: Polish and
    // Czech "Odp:", "PD:"; Croatian and Slovenian "Odg:", "Posr:"; Swedish
    // "VB:"; Finnish "VL:"; Dutch "Doorst:"; Portuguese "Enc:"; Latvian
    // "Atb:", "PRSD:"; Lithuanian "Ats:", "PRS:"; Turkish "YNT:", "İLT:";
    // Indonesian "BLS:", "TRS:"; Hungarian "Vá:", "Továbbítás:"; Romanian
    // "Răsp:", "Redirecționat:"; Greek "ΑΠ:", "ΣΧΕΤ:", "ΠΡΘ:"; Hebrew;
    // Chinese "回复:", "答复:", "转发:", "回覆:", "轉寄:"; Japanese "返信:",
    // "転送:"; Korean "회신:", "전달:". Full-width colons ("回复：") are
    // ASCII after normalisation (NFKC). Case is folded for ASCII only, so
    // the capitals of other scripts are listed as Outlook writes them.
    "odp", "pd", "odg", "posr", "vb", "vl", "doorst", "enc", "atb", "prsd",
    "ats", "prs", "ynt", "\u0130lt", "\u0130LT", "bls", "trs",
    "v\u00e1", "tov\u00e1bb\u00edt\u00e1s", "r\u0103sp",
    "redirec\u021bionat", "\u0391\u03a0", "\u03a3\u03a7\u0395\u03a4",
    "\u03a0\u03a1\u0398", "\u05d4\u05e9\u05d1",
    "\u05d4\u05d5\u05e2\u05d1\u05e8", "\u56de\u590d", "\u7b54\u590d",
    "\u8f6c\u53d1", "\u56de\u8986", "\u8f49\u5bc4", "\u8fd4\u4fe1",
    "\u8ee2\u9001", "\ud68c\uc2e0", "\uc804\ub2ec",
    // Mail gateways' external-sender tags written as a prefix.
    "ext", "external",
    // Google Calendar's invitation mail ("Invitation: ... @ Tue 1 Dec 2026
    // 10am - 11am (GMT) (alice@example.org)", "Updated invitation with
    // note:", "Canceled event:", "Accepted:", "Tentatively accepted:").
    "updated invitation with note", "updated invitation", "invitation",
    "canceled event with note", "canceled event", "cancelled event",
    "tentatively accepted", "accepted with note", "declined with note",
    // Outlook / Exchange meeting responses and updates ("Accepted:",
    // "Declined:", "Tentative:", "New Time Proposed:", "Updated:",
    // "Canceled:", "Meeting Forward Notification:", "Copy:" on a meeting
    // copied to another calendar).
    "accepted", "declined", "tentative", "new time proposed", "updated",
    "canceled", "cancelled", "meeting forward notification", "copy",
    // Exchange and Outlook automatic messages that quote the subject:
    // automatic replies ("Automatic reply:", older "Out of Office:",
    // "Autoreply:"), non-delivery and delivery reports (RFC 3464 reports
    // as Exchange titles them: "Undeliverable:", "Delivered:", "Relayed:",
    // "Delivery delayed:") and read receipts (RFC 8098 as Outlook titles
    // them: "Read:", "Not read:").
    "automatic reply", "out of office", "autoreply", "undeliverable",
    "delivered", "relayed", "delivery delayed", "read", "not read"});

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_SUBJECT_PREFIXES_H_
