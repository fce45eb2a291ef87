#include "history/draft_marker.h"

#include <gtest/gtest.h>

namespace nearmiss::history {
namespace {

TEST(DraftMarkerTest, EachClientsMarker) {
  EXPECT_EQ(FindDraftMarker("From: k@o.example\r\nX-Unsent: 1\r\nTo: s@v.example\r\n\r\nx").field,
            "X-Unsent: 1");
  const DraftMarker tb = FindDraftMarker(
      "From: k@o.example\nX-Mozilla-Draft-Info: internal/draft; vcard=0; receipt=0;\n"
      " DSN=0; uuencode=0; attachmentreminder=0; deliveryformat=4\nTo: s@v.example\n\nx");
  EXPECT_EQ(tb.field.substr(0, 36), "X-Mozilla-Draft-Info: internal/draft");
  EXPECT_EQ(tb.line, 1u);
  EXPECT_EQ(FindDraftMarker("x-uniform-type-identifier:  COM.apple.mail-draft \n\nx").field,
            "x-uniform-type-identifier: COM.apple.mail-draft");
  // Last in the header, no body.
  EXPECT_EQ(FindDraftMarker("From: k@o.example\nX-UNSENT:1").field, "X-UNSENT: 1");
  // An Apple Mail .emlx: its byte count first.
  EXPECT_EQ(FindDraftMarker("1234\nX-Uniform-Type-Identifier: com.apple.mail-draft\n\n").line, 1u);
}

TEST(DraftMarkerTest, SentMailIsNoDraft) {
  EXPECT_EQ(FindDraftMarker("From: k@o.example\nX-Unsent: 0\nTo: s@v.example\n\nx").field, "");
  EXPECT_EQ(FindDraftMarker("X-Uniform-Type-Identifier: com.apple.mail-note\n\nx").field, "");
  EXPECT_EQ(FindDraftMarker("From: k@o.example\nX-Mozilla-Status: 0001\n\nx").field, "");
  // In the body (a forwarded draft quoted as text), not the header.
  EXPECT_EQ(FindDraftMarker("From: k@o.example\n\nX-Unsent: 1\nX-Mozilla-Draft-Info: x\n").field,
            "");
  // A longer name that starts the same.
  EXPECT_EQ(FindDraftMarker("X-Unsent-Reason: 1\nX-Mozilla-Draft-Info-Old: y\n\n").field, "");
}

}  // namespace
}  // namespace nearmiss::history
