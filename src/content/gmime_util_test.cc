// AddressToString against the GMime call it stands in for; PartContent's
// Sniff leaves what Read and Finish see unchanged.
#include "content/gmime_util.h"

#include <gtest/gtest.h>

namespace nearmiss::content {
namespace {

TEST(AddressToStringTest, SameAsGMime) {
  EnsureGMimeInitialized();
  const char* kHeaders[] = {
      "bob@army.mil", "Bob@Army.MIL", "Bob Example <bob@army.mil>",
      "\"Example, Bob\" <bob@army.mil>", "<bob@army.mil>", "bob@example.com.",
      "bob@xn--rmy-qdd.mil", "bob@XN--RMY-QDD.MIL", "bob@xn--bad", "bob@\xd0\xb0rmy.mil",
      "=?utf-8?q?B=C3=B6b?= <bob@army.mil>", "bob@ab--c.com", "bob@-a.com",
      "bob@[192.0.2.1]", "bob", "@army.mil", "bob@", "\"bob smith\"@army.mil",
      "bob@army.mil (Bob)", "team: a@x.org, b@y.org;", "a@b.c, D <d@e.f>",
      "bob@aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com"};
  for (const char* header : kHeaders) {
    InternetAddressList* list = internet_address_list_parse(nullptr, header);
    if (list == nullptr) continue;  // GMime finds no address in it
    for (int i = 0; i < internet_address_list_length(list); ++i) {
      InternetAddress* a = internet_address_list_get_address(list, i);
      char* expected = internet_address_to_string(a, nullptr, FALSE);
      EXPECT_EQ(AddressToString(a), expected) << header;
      g_free(expected);
    }
    g_object_unref(list);
  }
}

// A base64 part holding `bytes`, encoded by GMime (76-column lines).
GPtr<GMimePart> Base64Part(const std::string& bytes) {
  GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(bytes.data(), bytes.size()));
  GPtr<GMimeDataWrapper> wrapper(
      g_mime_data_wrapper_new_with_stream(stream.get(), GMIME_CONTENT_ENCODING_DEFAULT));
  GPtr<GMimePart> part(g_mime_part_new_with_type("application", "octet-stream"));
  g_mime_part_set_content(part.get(), wrapper.get());
  g_mime_part_set_content_encoding(part.get(), GMIME_CONTENT_ENCODING_BASE64);
  // Encoded once, then read back the way a parsed part is.
  GPtr<GMimeStream> encoded(g_mime_stream_mem_new());
  g_mime_object_write_content_to_stream(GMIME_OBJECT(part.get()), nullptr, encoded.get());
  g_mime_stream_reset(encoded.get());
  GPtr<GMimeDataWrapper> raw(
      g_mime_data_wrapper_new_with_stream(encoded.get(), GMIME_CONTENT_ENCODING_BASE64));
  g_mime_part_set_content(part.get(), raw.get());
  return part;
}

TEST(PartContentTest, SniffChangesNothingReadOrFinishSee) {
  EnsureGMimeInitialized();
  for (std::size_t size : {0, 3, 8, 100, 40000}) {
    std::string bytes;
    for (std::size_t i = 0; i < size; ++i) bytes.push_back(static_cast<char>(i * 7));
    GPtr<GMimePart> part = Base64Part(bytes);
    std::string head, all;
    {
      PartContent content(part.get());
      content.Sniff(8, &head);
      content.Read(bytes.size() + 1, &all);
      EXPECT_EQ(content.Finish(), bytes.size()) << size;
    }
    EXPECT_EQ(head, bytes.substr(0, head.size())) << size;
    EXPECT_GE(head.size(), std::min<std::size_t>(8, size)) << size;
    EXPECT_EQ(all, bytes) << size;
    PartContent counted(part.get());
    counted.Sniff(8, &head);
    EXPECT_EQ(counted.Finish(), bytes.size()) << size;
    EXPECT_FALSE(counted.invalid_base64()) << size;
  }
}

// A part whose content is `bytes` as they are, in `encoding` (8bit,
// binary...): what GMime's parser makes of an unencoded body.
GPtr<GMimePart> RawPart(const std::string& bytes, GMimeContentEncoding encoding) {
  GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(bytes.data(), bytes.size()));
  GPtr<GMimeDataWrapper> wrapper(g_mime_data_wrapper_new_with_stream(stream.get(), encoding));
  GPtr<GMimePart> part(g_mime_part_new_with_type("text", "plain"));
  g_mime_part_set_content(part.get(), wrapper.get());
  return part;
}

// The plain path's content in memory is sniffed in one copy when nothing
// needs decoding: the bytes, and how many, are the ones a parsed part's
// stream gives, piece by piece, at every size around the pieces' and the
// blocks' edges.
TEST(PartContentTest, SniffOfUndecodedMemoryIsTheStreamsSniff) {
  EnsureGMimeInitialized();
  for (GMimeContentEncoding encoding :
       {GMIME_CONTENT_ENCODING_DEFAULT, GMIME_CONTENT_ENCODING_7BIT,
        GMIME_CONTENT_ENCODING_8BIT, GMIME_CONTENT_ENCODING_BINARY}) {
    for (std::size_t size : {0, 3, 255, 256, 257, 4095, 4096, 4097, 16384, 16385, 40000}) {
      std::string bytes;
      for (std::size_t i = 0; i < size; ++i) bytes.push_back(static_cast<char>('a' + i % 26));
      GPtr<GMimePart> part = RawPart(bytes, encoding);
      for (std::size_t want : {1, 8, 256, 4096, 20000, 50000}) {
        std::string from_stream, from_memory, all;
        PartContent streamed(part.get());
        streamed.Sniff(want, &from_stream);
        PartContent memory(bytes, encoding);
        memory.Sniff(want, &from_memory);
        EXPECT_EQ(from_memory.size(), from_stream.size()) << size << " " << want;
        EXPECT_EQ(from_memory, from_stream) << size << " " << want;
        memory.Read(bytes.size() + 1, &all);
        EXPECT_EQ(all, bytes) << size << " " << want;
      }
    }
  }
}

}  // namespace
}  // namespace nearmiss::content
